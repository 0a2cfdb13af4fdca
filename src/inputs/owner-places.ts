/**
 * Where a target names each of its owners: the owner's node in its file (the target's own
 * `owner`, else its file's `defaults`), for problems about one owner. Pure: reads the documents
 * the targets were made from.
 */

import type { Target } from "../core/model.js";
import { formatPlace, type Place } from "../core/problems.js";
import type { TargetDocument } from "./targets.js";

/** Where `target` names its `index`-th owner. */
export type OwnerPlace = (target: Target, index: number) => Place;

/**
 * The places of the targets' owners in their documents. The documents are looked at only when a
 * place is asked for, once: most runs ask for none.
 */
export function ownerPlaces(documents: readonly TargetDocument[]): OwnerPlace {
  let items: Map<string, { document: TargetDocument; index: number }> | undefined;
  const itemOf = (target: Target) => {
    if (items === undefined) {
      items = new Map();
      for (const document of documents) {
        const list = (document.data as { targets?: unknown } | undefined)?.targets;
        if (!Array.isArray(list)) continue;
        for (let index = 0; index < list.length; index++) {
          const place = document.placeOf(document.nodeAt(["targets", index]));
          items.set(formatPlace(place), { document, index });
        }
      }
    }
    return items.get(formatPlace(target.place));
  };
  return (target, ownerIndex) => {
    const item = itemOf(target);
    if (item === undefined) return target.place;
    const { document, index } = item;
    const data = document.data as {
      defaults?: Record<string, unknown>;
      targets: Record<string, unknown>[];
    };
    const own = data.targets[index];
    const path =
      own !== null && typeof own === "object" && Object.hasOwn(own, "owner")
        ? ["targets", index, "owner"]
        : data.defaults !== null &&
            typeof data.defaults === "object" &&
            Object.hasOwn(data.defaults, "owner")
          ? ["defaults", "owner"]
          : null;
    if (path === null) return target.place;
    const value = path.length === 2 ? data.defaults?.owner : own?.owner;
    return document.placeOf(document.nodeAt(Array.isArray(value) ? [...path, ownerIndex] : path));
  };
}
