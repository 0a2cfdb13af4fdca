/**
 * Reading the project file (SPEC 7): `kpi.yaml` in the working folder, or the file `--config`
 * names. A missing kpi.yaml is no project file; a missing `--config` file is an error. The file
 * is UTF-8 (a byte order mark is allowed), as target files are.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { error, type Problem, UsageError } from "../core/problems.js";
import { DEFAULT_PROJECT, type ProjectSettings } from "../core/project.js";
import { declaredLanguage, PROJECT_FILE, projectSettingsOf } from "../inputs/project-file.js";
import { readPlainDocument, readYamlDocument, type Yaml } from "../inputs/targets.js";
import { lineOfInvalidUtf8, nameEncoding } from "./decode-text.js";
import { errorCode } from "./find-files.js";
import { MAX_TARGET_FILE_BYTES } from "./read-inputs.js";

export interface ProjectFile {
  /** The file read, as its problems name it; null when there is none (no kpi.yaml). */
  file: string | null;
  /** The settings; the defaults when there is no file, null when the file has an error. */
  settings: ProjectSettings | null;
  /** The language the file asks for, even when it has an error (its problems are worded in it). */
  lang: ProjectSettings["lang"];
  problems: Problem[];
}

/** Where the project file is: `--config`, else kpi.yaml in the working folder. */
export function projectFilePath(config: string | undefined, workingFolder: string): string {
  return config ?? join(workingFolder, PROJECT_FILE);
}

/**
 * The project file `--config` names (which must exist), else the working folder's kpi.yaml (which
 * need not).
 */
export async function readProjectFile(
  config: string | undefined,
  workingFolder: string,
): Promise<ProjectFile> {
  const file = projectFilePath(config, workingFolder);
  let bytes: Buffer;
  try {
    bytes = readBytes(file, MAX_TARGET_FILE_BYTES + 1);
  } catch (cause) {
    const code = errorCode(cause);
    if (code === "ENOENT" || code === "ENOTDIR") {
      if (config !== undefined) throw new UsageError("option.config-not-found", { path: config });
      return { file: null, settings: DEFAULT_PROJECT, lang: null, problems: [] };
    }
    return failed(file, [error(startOf(file), "file.unreadable", { code })]);
  }
  if (bytes.length > MAX_TARGET_FILE_BYTES)
    return failed(file, [
      error(startOf(file), "file.target-too-large", {
        maxBytes: MAX_TARGET_FILE_BYTES,
        role: "project",
      }),
    ]);
  if (!isUtf8(bytes)) {
    const line = nameEncoding(bytes)?.startsWith("UTF-") ? 1 : lineOfInvalidUtf8([bytes]);
    return failed(file, [
      error({ file, line, column: 1 }, "project.not-utf8", { encoding: nameEncoding(bytes) }),
    ]);
  }
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const source = { file, text, role: "project" as const };
  const document = readPlainDocument(source) ?? readYamlDocument(source, await loadYaml());
  const { settings, problems } = projectSettingsOf(document);
  const lang = settings === null ? declaredLanguage(document.data, text) : settings.lang;
  return { file, settings, lang, problems };
}

function failed(file: string, problems: Problem[]): ProjectFile {
  return { file, settings: null, lang: null, problems };
}

function startOf(file: string) {
  return { file, line: 1, column: 1 };
}

/** At most `limit` bytes of the file: a huge file (or /dev/zero) costs nothing. */
function readBytes(file: string, limit: number): Buffer {
  const descriptor = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(limit);
    let size = 0;
    while (size < limit) {
      const read = readSync(descriptor, buffer, size, limit - size, null);
      if (read === 0) break;
      size += read;
    }
    return buffer.subarray(0, size);
  } finally {
    closeSync(descriptor);
  }
}

/** The yaml library: CommonJS, so its exports are the module's default export. */
async function loadYaml(): Promise<Yaml> {
  return ((await import("yaml")) as unknown as { default: Yaml }).default;
}
