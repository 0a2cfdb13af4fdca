/** `kpi schema`: the JSON Schema of target files, for editors (yaml-language-server). */
import type { Command } from "commander";
import type { CliContext } from "./context.js";
import { emit } from "./inputs.js";

interface SchemaOptions {
  output?: string;
}

/** Adds `kpi schema` to the program; its action reports its exit code through `setExitCode`. */
export function registerSchema(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  program
    .command("schema")
    .description("print the JSON Schema of target files, for editors")
    .option("-o, --output <file>", "write the schema to a file (atomically) instead of stdout")
    .action(async (options: SchemaOptions) => {
      await emit(await renderSchema(), options.output, context);
      setExitCode(0);
    });
}

/** The schema as the file `kpi schema` prints and `kpi init` writes. */
export async function renderSchema(): Promise<string> {
  const { targetFileJsonSchema } = await import("../inputs/target-json-schema.js");
  return `${JSON.stringify(targetFileJsonSchema(), null, 2)}\n`;
}
