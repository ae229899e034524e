/**
 * The list at its exact length. V8 gives an array that is pushed into from empty room for
 * 17 elements; the trees and models an analysis keeps are made of many lists of one to
 * three items, which would be mostly empty slots, and every scavenge they survive copies
 * them. The copy made here is the one kept; the pushed-into array dies young, cheaply.
 */
export function exactArray<T>(list: T[]): T[] {
  return list.length === 0 ? [] : list.slice();
}
