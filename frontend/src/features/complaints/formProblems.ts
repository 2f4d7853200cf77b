import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { Namespace, TFunction } from 'i18next';
import { toProblem } from '../../api/problems';
import { splitFieldErrors } from '../../shared/serverErrors';
import { problemMessage } from '../../shared/ui/problemMessage';

/** A refused save: the server's words under the fields they name, anything else (or a failure without fields) as a toast. */
export function showProblem(form: FormInstance, error: unknown, fields: readonly string[], message: MessageInstance, t: TFunction<Namespace>): void {
  const { onFields, elsewhere } = splitFieldErrors(toProblem(error).errors, fields);
  form.setFields(onFields);
  if (onFields.length === 0 || elsewhere.length > 0) {
    void message.error(elsewhere[0] ?? problemMessage(error, t));
  }
}
