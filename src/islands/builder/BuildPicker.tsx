/**
 * The driver build select of /builder/, beside the service select, for a service documented in several builds: the
 * string is built and checked against the build the user's driver runs (default: the newest). Service pages have
 * their build fixed (an older build has its own page).
 */
export default function BuildPicker(props: { builds: readonly string[]; selected: string | undefined; onSelect: (build: string | undefined) => void }) {
  const newest = props.builds[0];
  return (
    <p class="builder-row">
      <label for="builder-build">Driver build</label>{' '}
      <select
        id="builder-build"
        aria-describedby="builder-build-hint"
        value={props.selected ?? newest}
        onChange={(e) => props.onSelect(e.currentTarget.value === newest ? undefined : e.currentTarget.value)}
      >
        {props.builds.map((build) => (
          <option value={build}>{build === newest ? `${build} (newest)` : build}</option>
        ))}
      </select>{' '}
      <span class="builder-hint" id="builder-build-hint">
        Strings are checked against what this build lists.
      </span>
    </p>
  );
}
