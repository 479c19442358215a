/** The name a new scenario is offered: "To-be 1", or the next number no scenario has yet. */
export function nextScenarioName(taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.trim().toLowerCase()));
  let n = 1;
  while (names.has(`to-be ${n}`)) n++;
  return `To-be ${n}`;
}

/** A scenario's name as shown: "Unnamed scenario" when it has none. */
export function scenarioLabel(name: string | undefined): string {
  return name?.trim() || 'Unnamed scenario';
}
