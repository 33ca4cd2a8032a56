using Release.Releasing.Approvals;
using Release.Releasing.Common;

namespace Release.Releasing.ChatOps;

/// <summary>What the GoNoGoCall target does: posts the release's Go/NoGo call to the release channel now.</summary>
internal sealed class GoNoGoCallStep(IChatOps build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = await ReleaseSelection.ResolveAsync(build, ct).ConfigureAwait(false);
        var environment = string.IsNullOrWhiteSpace(build.Environment) ? "production" : build.Environment.Trim();
        var gate = GateEvaluation.Find(build, environment);
        using var http = ReleaseChannel.Client();
        await GoNoGoCall.PostAsync(build, ReleaseChannel.Api(build, http), selection, gate, ct).ConfigureAwait(false);
        build.ReportSummary("go/nogo call", $"{selection.Id} at '{environment}'");
    }
}
