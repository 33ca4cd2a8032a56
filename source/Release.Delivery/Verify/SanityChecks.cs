namespace Release.Delivery.Verify;

/// <summary>
/// The sanity checks of one module, declared in the build definition (<see cref="IVerifyDeployment.SanityChecks"/>)
/// and run against an environment right after every deployment, promotion and rollback. The health endpoint is
/// always checked first. An application of several modules declares one set per module and runs each against that
/// module's URL (<see cref="SanityCheckRunner"/> takes the URL and the set, nothing else).
/// </summary>
/// <param name="Checks">Single requests with an expected status and body.</param>
/// <param name="Journeys">Scripted journeys carrying values from one answer to the next request.</param>
public sealed record SanityChecks(IReadOnlyList<HttpCheck> Checks, IReadOnlyList<Journey> Journeys)
{
    /// <summary>Only the health endpoint.</summary>
    public static SanityChecks HealthOnly { get; } = new([], []);

    /// <summary>Checks the declaration; the message names the check and the fix.</summary>
    /// <exception cref="ArgumentException">A nameless check, a path not starting with '/', a duplicate name or an empty journey.</exception>
    public void Validate()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "health" };
        foreach (var check in Checks)
        {
            Require(check.Name, check.Path, $"sanity check '{check.Name}'");
            if (!names.Add(check.Name)) throw new ArgumentException(
                $"SanityChecks: the name '{check.Name}' is used twice; give every check and journey its own name.");
        }
        foreach (var journey in Journeys)
        {
            if (journey.Steps
                .Count == 0) throw new ArgumentException($"SanityChecks: journey '{journey.Name}' has no steps; give it at least one request.");
            if (!names.Add(journey.Name ?? "")) throw new ArgumentException(
                $"SanityChecks: the name '{journey.Name}' is used twice; give every check and journey its own name.");
            for (var i = 0; i < journey.Steps.Count; i++)
                Require(journey.Name ?? "", journey.Steps[i].Path, $"step {i + 1} of journey '{journey.Name}'");
        }
    }

    private static void Require(string name, string path, string where)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"SanityChecks: a check has no name ({where}); name it.");
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/'))
            throw new ArgumentException($"SanityChecks: the path '{path}' of {where} must start with '/' (it is appended to the environment's URL).");
    }
}
