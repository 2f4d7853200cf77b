// Generated from contracts/openapi/crm-v1.json by `./crm contracts` (OpenApiContractTests). Do not edit.
/** The longest text the API accepts in each string property, per schema. */
export const maxLengths = {
  ContactInput: {
    name: 100,
    phone: 30,
    likes: 500,
    notes: 500,
  },
  CustomerInput: {
    name: 100,
    phone: 30,
    email: 200,
    company: 200,
    position: 100,
    region: 100,
    industry: 100,
  },
  InteractionInput: {
    summary: 1000,
    nextStep: 500,
  },
  KeyDateInput: {
    label: 100,
  },
} as const;
