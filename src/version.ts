/** The library's name and version, stamped on every decision (kept equal to package.json by a test). */
export const LIBRARY_NAME = "pinggu-live-commerce";
export const LIBRARY_VERSION = "0.1.0";
