using Release.Engine;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Common;

/// <summary>
/// What every release-process component shares: the release being acted on, where the release records live, who
/// acts, the clock, the gates and the environment chain. Override the properties in the build class to change the
/// process (e.g. <c>IReadOnlyList&lt;GatePolicy&gt; IReleaseProcess.Gates =&gt; [...]</c>).
/// </summary>
public interface IReleaseProcess : IPipeline
{
    /// <summary>The release's version, e.g. <c>1.4.0</c> (the release id is <c>MODULE-VERSION</c>).</summary>
    [Parameter("Version of the release to act on, e.g. 1.4.0 (default: the version this build computed)")]
    [NotEmpty, Pattern(ReleaseVersionPattern.Expression, ReleaseVersionPattern.Description)]
    string? Release => TryGetValue(() => Release);

    /// <summary>The git repository holding one JSON record per release and the evidence chain.</summary>
    [Parameter("Release records git repository: URL or path (default: a local bare repository under .nuke/temp)")]
    string? ReleaseRecords => TryGetValue(() => ReleaseRecords);

    /// <summary>Who votes, attests, blesses or promotes; default: CI's user (GITLAB_USER_EMAIL, BUILD_REQUESTEDFOREMAIL), else git config
    /// user.email.</summary>
    [Parameter("Who acts (votes, attests, promotes): e-mail or user id (default: the user who started the CI job, else git config user.email)")]
    string? Voter => TryGetValue(() => Voter);

    /// <summary>
    /// The private SSH key (a file) that signs what this command records: a person's own key for votes and attestations,
    /// the CI job's key (a secret file variable) for what the job does. Its public half must be on the gate's roster.
    /// </summary>
    [Parameter("Private SSH key file that signs what you record (ed25519 or ecdsa-p256; its .pub must be on the roster); in CI the job's key as a " +
        "secret file variable"), Secret]
    string? SigningKey => TryGetValue(() => SigningKey);

    /// <summary>Who triggered the release; CI's user variables win over this parameter.</summary>
    [Parameter("Who triggered the release (default: GITLAB_USER_EMAIL, BUILD_REQUESTEDFOREMAIL, else git config user.email)")]
    string? TriggeredBy => TryGetValue(() => TriggeredBy);

    /// <summary>The clock for votes, records and evidence: the run's <see cref="BuildContext.Clock"/> (the system clock unless the host was given
    /// another).</summary>
    TimeProvider Clock => Context.Clock;

    /// <summary>The Go/NoGo gates, one per environment that has one. Default: the seed's production gate.</summary>
    IReadOnlyList<GatePolicy> Gates => [GatePolicy.SeedDefault("production")];

    /// <summary>The environments releases are promoted through, in order. Default: staging, pre-prod, production.</summary>
    EnvironmentChain PromotionChain => EnvironmentChain.Default();

    /// <summary>Branches whose builds may be blessed.</summary>
    IReadOnlyList<string> BlessedBranches => ["main", "master"];

    /// <summary>The release-process files of this build.</summary>
    ReleasePaths ReleasePaths => new(Paths);
}
