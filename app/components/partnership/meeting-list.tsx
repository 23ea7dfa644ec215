const KIND_LABELS: Record<string, string> = { styrgrupp: "Styrgrupp", arbetsgrupp: "Arbetsgrupp" };

/** Styrgrupp and arbetsgrupp meetings with their minutes, newest first. */
export function MeetingList({
  meetings,
}: {
  meetings: { id: string; kind: string; heldOn: string; participants: string; minutes: string; recordedBy: string | null }[];
}) {
  if (meetings.length === 0) return <p>Inga möten är registrerade än.</p>;
  return (
    <ol className="card-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <h3 className="meeting-title">{`${KIND_LABELS[m.kind] ?? m.kind} ${m.heldOn}`}</h3>
          <p>
            <strong>Deltagare:</strong> <span className="prewrap">{m.participants}</span>
          </p>
          <p className="prewrap">{m.minutes}</p>
          {m.recordedBy ? <p className="hint">{`Antecknat av ${m.recordedBy}`}</p> : null}
        </li>
      ))}
    </ol>
  );
}
