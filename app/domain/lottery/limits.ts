/** The longest shipping address a winner may give. */
export const MAX_ADDRESS_LENGTH = 300
