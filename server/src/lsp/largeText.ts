// One threshold for "a large file", shared by the server core (whole-file
// requests wait for the first check) and the memory reclaimer (its garbage is
// worth collecting).

/** Texts at least this long (UTF-16 code units) count as large. */
export const LARGE_TEXT = 4 * 1024 * 1024;
