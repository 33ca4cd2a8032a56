using Release.Engine;
using Release.Process.Applications.Releases;

namespace Release.Releasing.Sets;

/// <summary>
/// What a set command's vote, attestation or blessing names, checked against the application's policy
/// (<see cref="IReleaseSets.SetApprovalScope"/>, <see cref="SetApprovals"/>): <c>--module</c> when given on the command
/// line names a module; the set's digest is the one recorded for <c>--set</c>.
/// </summary>
internal static class SetSubject
{
    /// <summary>Refuses (exit 2) an approval that names what the policy does not approve.</summary>
    /// <exception cref="BuildInputException">Each problem names <c>--module</c> or <c>--set</c> and the fix.</exception>
    public static void Check(IReleaseSets build, ReleaseManifest set, string kind)
    {
        // Only a --module typed on the command line names a module: the parameter's default is the one-module pipeline's.
        var module = ((IBuild)build).TryGetValue<string>(() => build.Module)?.Trim();
        var problems = SetApprovals.Problems(
            build.SetApprovalScope,
            set,
            new ApprovalSubject(kind, module, set.Digest.Value, module is null ? "--set" : "--module"));
        if (problems.Count > 0) throw new BuildInputException(string.Join("\n", problems));
        if (build.SetApprovalScope == ApprovalScope.Module)
            throw new BuildInputException(
                $"--module: application '{set.Application}' approves each module on its own: cast the {kind.ToLowerInvariant()} on module " +
                    $"'{module}''s own release " +
                $"with ./build.sh {kind switch { "Vote" => "Vote", "Attestation" => "Attest", _ => "Bless" }} --module {module} --release " +
                    $"{set.PinOf(module!)!.Version}.");
    }
}
