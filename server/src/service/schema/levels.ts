// The levels a check can be set to, in a schema file as in the settings.
export const CHECK_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
