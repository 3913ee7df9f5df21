// Colours of the exports, which leave VS Code and its theme: one strong colour
// per entity family (bars, nodes) and a light tint of it (backgrounds), chosen
// to stay apart from each other and readable on white paper and slides. The
// webview uses the theme's chart colours in the same order instead.

import type { EntityFamily } from '../../knowledge/entityTypes';

export const FAMILY_COLOUR: Record<EntityFamily, { strong: string; tint: string }> = {
  chemical: { strong: '#2e8b57', tint: '#d9f0e1' },
  disease: { strong: '#d9730d', tint: '#fbe4cf' },
  gene: { strong: '#7b3fb5', tint: '#ebdef6' },
  species: { strong: '#0f8a8a', tint: '#d3eeee' },
  variant: { strong: '#1f6fc5', tint: '#d8e7f8' },
  cellline: { strong: '#c0367a', tint: '#f7d9e8' },
  other: { strong: '#5f6b7a', tint: '#e4e8ed' },
};

export const INK = '#1f2328';
export const MUTED = '#59636e';
export const ERROR = '#cf222e';
export const RULE = '#d0d7de';

/** Height of one mention bar and the step between levels, in pixels. */
export const BAR = 2;
export const BAR_STEP = 3;
