/** User-facing text: Chinese first, English alongside. */
export interface Bilingual {
  message: string;
  message_en: string;
}

export function bilingual(message: string, message_en: string): Bilingual {
  return { message, message_en };
}
