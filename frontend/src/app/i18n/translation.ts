/** The shape a translation must fill in: the same keys as its Chinese source, any text. */
export type Translation<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
