using Release.Engine;
using Release.Process.Train;
using Release.Releasing.Approvals;
using Release.Releasing.Blessing;
using Release.Releasing.Promotion;

namespace Release.Releasing.Train;

/// <summary>
/// The daily release train (the product company's "Go/NoGo at 4 PM, release at 5 PM IST on weekdays"): a scheduled run
/// releases only at release time and only when the gate is Go; otherwise it tells the team why (Slack, through the
/// deployments' webhook, when <c>--slack-webhook</c> is set) and fails, naming the reason: a run that released nothing
/// is never green. The train's times are <see cref="TrainSchedule"/>; the decision is
/// <see cref="ReleaseTrainRule"/> (plain code in Release.Process).
/// </summary>
public interface IReleaseTrain : IPromote
{
    /// <summary>
    /// The train: by default the production gate's voting window (the call when votes open, the release when they
    /// close), else the seed's (16:00 and 17:00 Asia/Kolkata, Monday to Friday). Override in the build class.
    /// </summary>
    ReleaseTrainSchedule TrainSchedule =>
        Gates.FirstOrDefault(g => g.Environment == TrainEnvironment)?.Window is { } window
            ? ReleaseTrainSchedule.From(window)
            : ReleaseTrainSchedule.SeedDefault();

    /// <summary>The environment the train releases to, whose gate must be Go.</summary>
    string TrainEnvironment => "production";

    /// <summary>
    /// Lets the release go on only at release time with the gate Go; runs after the release is opened and scored and
    /// before it is blessed and promoted, so with <c>Bless</c> and <c>Promote</c> in the same run nothing is released
    /// when it fails.
    /// </summary>
    Target TrainDeparture => _ => _
        .Description(
            "The daily release train: goes on only at release time with the gate Go; otherwise says why (Slack with --slack-webhook) and fails")
        .TryAfter<IGoNoGo>(x => x.OpenRelease)
        .TryAfter<Quality.IQualityGate>(x => x.QualityGate)
        .TryBefore<IBless>(x => x.Bless)
        .TryBefore<IPromote>(x => x.Promote)
        .Executes(ct => new TrainDepartureStep(this).RunAsync(ct));
}
