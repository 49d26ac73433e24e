/**
 * The importer's input limits, in a module of their own: the API's edge and route schemas read them
 * at start without loading the importer (mammoth and the parsers load only when a file comes in).
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
