/** Which server messages belong under a form field and which have no field on the form to go under. */
export function splitFieldErrors<Field extends string>(errors: Record<string, string[]>, formFields: readonly Field[]) {
  const onFields: { name: Field; errors: string[] }[] = [];
  const elsewhere: string[] = [];
  for (const [field, messages] of Object.entries(errors)) {
    if (isFormField(field, formFields)) {
      onFields.push({ name: field, errors: messages });
    } else {
      elsewhere.push(...messages);
    }
  }
  return { onFields, elsewhere };
}

function isFormField<Field extends string>(field: string, formFields: readonly Field[]): field is Field {
  return (formFields as readonly string[]).includes(field);
}
