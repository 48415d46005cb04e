/**
 * Characters that render as nothing (Unicode's Default_Ignorable_Code_Point:
 * zero-width space and joiners, soft hyphen, bidi controls, variation selectors…),
 * so that two strings that look alike are treated alike where identity matters.
 */

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

// The ones that never belong in a short label: they hide, split or reorder text
// (Unicode TR 9 bidi controls; UTS 39 flags them in identifiers). The zero-width
// joiners and variation selectors stay, as emoji and some scripts need them.
const HIDDEN_IN_LABELS = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Removes every default-ignorable character: for slugs and other keys. */
export const withoutIgnorables = (text: string): string => text.replace(DEFAULT_IGNORABLE, '');

/** Removes the characters that only hide or reorder text: for tag names and other short labels. */
export const withoutHiddenCharacters = (text: string): string => text.replace(HIDDEN_IN_LABELS, '');

/** Whether the text shows anything at all. */
export const isBlank = (text: string): boolean => withoutIgnorables(text).trim() === '';
