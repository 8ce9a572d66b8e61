"use client";

// Who may claim the queue's items: members who may label, as checkboxes (a list a keyboard can walk,
// and each person's role beside their name). None ticked means everyone who may label.

export function AssigneePicker({ people, value, onChange, error }: {
  people: { id: string; name: string; email: string; role: string }[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  return (
    <fieldset aria-describedby="queue-assignees-hint">
      <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Assignees</legend>
      <p id="queue-assignees-hint" className="mb-1.5 text-xs text-zinc-500">None ticked: everyone who may label claims items.</p>
      <ul className="grid max-h-48 grid-cols-2 gap-x-4 gap-y-1 overflow-y-auto text-sm">
        {people.map((p) => (
          <li key={p.id}>
            <label className="flex items-center gap-1.5">
              <input type="checkbox" checked={value.includes(p.id)} onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((id) => id !== p.id))} />
              <span dir="auto">{p.name}</span>
              <span className="text-xs text-zinc-500">{p.role.toLowerCase()}</span>
            </label>
          </li>
        ))}
      </ul>
      {error ? <p role="alert" className="mt-1 text-xs text-red-600">{error}</p> : null}
    </fieldset>
  );
}
