/** An error whose message a clerk can act on (Chinese, says what to do). Front doors show `message` as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function messageOf(e: unknown): string {
  if (e instanceof UserError) return e.message;
  if (e instanceof Error) return `程序内部错误：${e.message}。数据未被修改；请把这条信息告诉维护人员。`;
  return `程序内部错误：${String(e)}`;
}
