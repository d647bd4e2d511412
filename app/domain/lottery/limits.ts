/** The longest shipping address a winner may give. */
export const MAX_ADDRESS_LENGTH = 300

/** points (credited at once) | coupon | physical (shipped) | nothing (an empty draw). */
export const PRIZE_KINDS = ['points', 'coupon', 'physical', 'nothing'] as const
