/** A notable win as the member-day page's ticker shows it (the loader's list and each live push). */
export type DayWin = { id: string; at: string; member: string; item: string }

/** A notable win pushed to the day's socket room `day:<dayId>`. */
export type DayWinPush = { dayId: string; win: DayWin }

/** The socket room of a member day's page: joined only by those the day exists for. */
export const dayRoom = (dayId: string) => `day:${dayId}`
