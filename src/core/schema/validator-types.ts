/** The shape of ajv's standalone validators and their errors (ajv's own types, narrowed to what we read). */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: Record<string, unknown>;
  schema?: unknown;
  propertyName?: string;
}

export interface ValidatorFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
