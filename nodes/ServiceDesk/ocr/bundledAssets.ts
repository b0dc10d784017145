/** The `langPath` the bundled worker answers with its embedded language data. */
export const BUNDLED_LANG_PATH = 'bundled';
