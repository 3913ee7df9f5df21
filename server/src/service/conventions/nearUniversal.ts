// When a habit is so nearly universal in a file that the rows breaking it are
// worth reporting one by one. A habit most of the file follows but a sizeable
// part does not (86% of relations listed both ways) is no convention to hold
// each row to: the rows that depart are then the file's other way of writing,
// not defects, and a warning on each of them is noise that gets the checker
// switched off. docs/conventions.md says why these numbers.

/** Share of a habit's rows that may depart from it in a large file: 1% (the habit holds on 99%). */
export const DEPARTING_SHARE = 0.01;
/**
 * Rows that may depart from it whatever the file's size ("all but a
 * handful"): too few to be a way of writing of their own. Whether the file
 * has the habit at all is learned first (learn.ts), with the format's own
 * rule as a prior, so a small file is not held to a habit it does not have.
 */
export const HANDFUL = 5;

/** Whether `departures` rows out of `rows` are few enough for a habit to be held to, row by row. */
export function nearUniversal(departures: number, rows: number): boolean {
  return departures <= Math.max(HANDFUL, DEPARTING_SHARE * rows);
}
