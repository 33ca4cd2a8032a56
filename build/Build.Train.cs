using Release.Engine;
using Release.Releasing.Promotion;
using Release.Releasing.Train;

namespace Release.Build;

/// <summary>
/// The product company's daily release train: the Go/NoGo call at 16:00 and the release at 17:00 India Standard Time on
/// weekdays (the production gate's voting window, <see cref="IReleaseTrain.TrainSchedule"/>). The scheduled
/// <c>release-train</c> pipeline (Build.CI.cs) runs <c>./build.sh ReleaseTrain</c>: the release job's steps, with
/// TrainDeparture between the quality gate and Bless. At release time with the gate Go it blesses, promotes to
/// production, tags and writes the evidence; otherwise nothing is released, the job fails with the reason, and a NoGo
/// at release time is posted to the release channel's webhook (<c>SLACK_WEBHOOK</c>).
/// </summary>
partial class Build : IReleaseTrain
{
    /// <summary>The train releases to production: with ReleaseTrain invoked and no <c>--to</c>, Promote goes there.</summary>
    string? IPromote.To => Context.Parameters.Get<string>(nameof(IPromote.To))
                           ?? (Context.InvokedTargets.Contains(nameof(ReleaseTrain)) ? ((IReleaseTrain)this).TrainEnvironment : null);

    /// <summary>The scheduled release: TrainDeparture decides, then the production release job's steps run.</summary>
    Target ReleaseTrain => _ => _
        .Description("The daily release train (17:00 IST, weekdays): releases to production only at release time with the gate Go, else says why and fails")
        .DependsOn<IReleaseTrain>(x => x.TrainDeparture)
        .DependsOn(ReleaseTo);
}
