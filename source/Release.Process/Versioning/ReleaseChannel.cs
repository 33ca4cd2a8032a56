namespace Release.Process.Versioning;

/// <summary>
/// The audience a build is released to, from least to most trusted. The numeric order is meaningful:
/// a build good enough for <see cref="Stable"/> is also good enough for <see cref="Beta"/> and <see cref="Alpha"/>.
/// </summary>
public enum ReleaseChannel
{
    /// <summary>Early builds (git-flow <c>develop</c>, feature branches): pre-release label <c>alpha</c>.</summary>
    Alpha = 1,

    /// <summary>Release candidates (git-flow <c>release/*</c>): pre-release label <c>beta</c>.</summary>
    Beta = 2,

    /// <summary>Production releases from <c>main</c>/<c>master</c> or <c>hotfix/*</c>: no pre-release label.</summary>
    Stable = 3,
}
