/** oslo.policy rules of one service: action or alias name to rule expression. */
export type PolicyRules = Readonly<Record<string, string>>;
