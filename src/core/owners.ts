/**
 * Owners (SPEC 2 and 7): a name is one body, and when the project file lists the owners, every
 * owner of a target is one of them. Pure: the places come from the caller.
 */
import type { Target } from "./model.js";
import { error, type Place, type Problem } from "./problems.js";
import type { Contact } from "./project.js";
import { closestMatch } from "./suggest.js";

/**
 * What joins several bodies in one name: `、` `，` `,` `；` `;` `/` (`经信局、商务局`), written as
 * escapes so that the bundle stays ASCII (scripts/build.js).
 */
const SEPARATORS = /[\u3001\uff0c,\uff1b;/]/;

/**
 * The bodies a name joins (`经信局、商务局` → 经信局, 商务局), or null when it names one: a ranking
 * would otherwise count a body that does not exist.
 */
export function severalOwners(name: string): string[] | null {
  if (!SEPARATORS.test(name)) return null;
  return name
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/**
 * The owners of targets that the project file's `owners:` leaves out, each placed where the target
 * names it, with the listed name it most likely misspells (发改委 for 发改局). None when `owners` is
 * null (the file gives no list).
 */
export function unlistedOwners(
  targets: readonly Target[],
  owners: readonly string[] | null,
  options: {
    /** The project file, as its problems name it. */
    file: string;
    /** Where a target names its `index`-th owner. */
    placeOf: (target: Target, index: number) => Place;
  },
): Problem[] {
  if (owners === null) return [];
  const listed = new Set(owners);
  const problems: Problem[] = [];
  for (const target of targets) {
    target.owner.forEach((owner, index) => {
      if (listed.has(owner)) return;
      problems.push(
        error(options.placeOf(target, index), "owner.not-listed", {
          owner,
          suggestion: closestMatch(owner, owners) ?? null,
          file: options.file,
        }),
      );
    });
  }
  return problems;
}

/**
 * The owners named under `contacts:` (SPEC 7, kpi notify) that are no body of the run: in
 * `owners:` when the file gives it, else the owner of some target. Each is an error at its key,
 * with the name it most likely misspells (发改委 for 发改局): a mention must never go to nobody.
 */
export function unknownContacts(
  targets: readonly Target[],
  owners: readonly string[] | null,
  contacts: readonly Contact[],
): Problem[] {
  if (contacts.length === 0) return [];
  const known = owners ?? [...new Set(targets.flatMap((target) => target.owner))];
  const listed = new Set(known);
  return contacts
    .filter((contact) => !listed.has(contact.owner))
    .map((contact) =>
      error(contact.place, "project.unknown-contact", {
        owner: contact.owner,
        suggestion: closestMatch(contact.owner, known) ?? null,
      }),
    );
}
