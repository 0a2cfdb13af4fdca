/**
 * The JSON Schema of the project file `kpi.yaml` for editors (`kpi schema --project`), generated
 * from its zod schema. A module of its own, loaded by `kpi schema` only, as the target files' is.
 */
import * as z from "zod/mini";
import { projectFileSchema } from "./project-schema.js";

/**
 * The JSON Schema of the project file: it accepts every file the reader accepts, and checks less
 * (a date's form, a time zone, scores.missing ≤ scores.red are left to `kpi validate`).
 */
export function projectFileJsonSchema(): Record<string, unknown> {
  const schema = projectFileSchema();
  const owners = schema.shape.owners;
  return z.toJSONSchema(schema, {
    io: "input",
    // Owners are named once: editors can say so as well.
    override: (context) => {
      if (context.zodSchema === owners || context.zodSchema === owners._zod.def.innerType)
        context.jsonSchema.uniqueItems = true;
    },
  }) as Record<string, unknown>;
}
