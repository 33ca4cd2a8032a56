using Release.CI;
using Release.Delivery.Deploy;
using Release.Delivery.Integrate;
using Release.Engine;
using Release.Releasing.Approvals;
using Release.Releasing.Blessing;
using Release.Releasing.Common;
using Release.Releasing.Evidence;
using Release.Releasing.Notes;
using Release.Releasing.Promotion;
using Release.Releasing.Quality;
using Release.Releasing.Versioning;
using Release.Stages.Clone;
using Release.Stages.Scan;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Build;

/// <summary>
/// The CI files this repository commits: the same targets as <c>./build.sh</c>, as GitLab and Azure DAGs.
/// <c>./build.sh GenerateCI</c> writes them; CI runs <c>./build.sh CheckCI</c> so they never drift.
/// Clone checks the sample out into .nuke/temp/workspace, which is no artifact, so it runs in every job that needs
/// the workspace; the nightly schedule runs the whole Pipeline in one job (deploying to the default, local environment).
/// <para>
/// The release process (seed process; source/Release.Releasing/README.md). Pipelines deploy and integrate per
/// branch rule: <c>staging</c> to staging, merge requests to pre-prod, <c>main</c>/<c>master</c> to <c>local</c> (the
/// runner itself: nothing on main is deployed anywhere real before it is blessed). The quality gate runs automatically
/// after each integration (<c>quality-gate-ENV</c>). On <c>main</c>/<c>master</c> the manual production job
/// (<c>release-to-production</c>) then runs <c>ReleaseTo --to production</c>: OpenRelease (keeps the record), ReleaseNotes,
/// Bless, Promote --to production (image and chart by digest, through production's GitOps deployer), Tag and Evidence,
/// using that pipeline's pushed image, chart, quality-gate channel and test and scan results. Who runs what:
/// </para>
/// <list type="bullet">
/// <item>Release manager, once per release: <c>./build.sh OpenRelease</c>.</item>
/// <item>Voters (ModuleLead, Sre, Qa, ProductManagement), each in person, never an author or committer of the release:
/// <c>./build.sh Vote --role Sre --decision go</c> (<c>--decision nogo --reason "..."</c> to veto); anyone can check
/// with <c>./build.sh GateStatus</c>.</item>
/// <item>Checklist owners, each in the role that owns the item and never an author or committer of the release:
/// <c>./build.sh Attest --item dr-plan-drafted --role Sre --text "DR plan: https://wiki/dr/1.4.0"</c>.</item>
/// <item>Release manager, when every gate is Go: start the manual <c>release-to-production</c> job on the main pipeline
/// (GitLab) or approve the production environment (Azure); it runs Bless, Promote, Tag, ReleaseNotes, Evidence.</item>
/// <item>Signing: every record and the evidence are signed with SSH keys on <c>build/release-roster</c>. People sign
/// their votes and attestations with their own key (<c>--signing-key ~/.ssh/id_ed25519</c>); the production job signs
/// what it does (OpenRelease, Bless, Promote, Tag, Evidence) with the job's key, which the team provides as the
/// secret <c>SIGNING_KEY</c>: on GitLab a protected variable of type File holding the private key (GitLab cannot mask a key
/// file, whose BEGIN/END lines have spaces; the job sees only the file's path); on Azure
/// a secret variable holding the path of a secure file downloaded before the job. Its public key is on the roster as
/// <c>job NAME KEY</c>, and never votes.</item>
/// <item>Auditors: <c>./build.sh VerifyEvidence --release VERSION --trusted-keys FILE</c>. SRE, to back out:
/// <c>./build.sh Rollback --environment production</c>.</item>
/// </list>
/// </summary>
partial class Build
{
    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main", "master", "staging").OnMergeRequests()
        .Deploy(nameof(IDeploy.Deploy), "staging", ["staging"], parameter: nameof(IDeploy.Environment))
        .Deploy(nameof(IDeploy.Deploy), "pre-prod", ["merge-request"], parameter: nameof(IDeploy.Environment))
        // The local deployer runs the module on the job's own machine and stops it when the job ends, so the deployment
        // and its integration tests are one job there: its deploy target is Integrate (which depends on Deploy). The
        // GitOps environments keep a deployment that outlives the job: Integrate runs in the quality gate's job after it.
        .Deploy(nameof(IIntegrate.Integrate), "local", ["main", "master"], parameter: nameof(IDeploy.Environment))
        .Deploy(nameof(ReleaseTo), "production", ["main", "master"], manual: true, parameter: nameof(IPromote.To), promotes: ["local"])
        // Each module's clone prepares its workspace in every job that needs it (Clone stands for all of them).
        .RunInEveryJob([.. AppStages.CloneModule.Members.Select(m => TargetFamily.TargetName(nameof(Delivery.Modules.IApplicationStages.CloneModule), m))])
        // Each test job compiles what it tests (the whole solution, or --test-projects): binaries are too big to hand on.
        .RunInEveryJob(nameof(Restore), nameof(Compile))
        .OnBranches("develop", "release/*", "hotfix/*")
        .Partition(nameof(Test), 2)
        .Reports(nameof(Test), junit: "artifacts/test-results/*.junit.xml", trx: "artifacts/test-results/*.trx")
        .Job(nameof(IContinuousIntegration.CheckCI))
        .Job(nameof(Operations.IOperations.CheckDocs))
        .Job(nameof(Stages.UnitTest.IUnitTest.UnitTest))
        .Reports(nameof(Stages.UnitTest.IUnitTest.UnitTest), junit: "artifacts/modules/*/unit-tests/*.junit.xml", coberturaCoverage: "artifacts/modules/*/unit-tests/*.cobertura.xml",
            coverageLine: @"Line coverage: (\d+(?:\.\d+)?)%")
        .Job(nameof(IScan.Scan))
        .Reports(nameof(IScan.Scan), containerScanning: "artifacts/modules/*/scan/gl-container-scanning-report.json", cyclonedx: "artifacts/modules/*/scan/sbom-*.cdx.json")
        .Reports(nameof(IIntegrate.Integrate), junit: "artifacts/modules/*/integration/junit.xml")
        // The load test is its own job after the pre-prod deployment (the GitOps environment outlives the deploy job).
        .Job(nameof(Delivery.Verify.ILoadTest.LoadTest), t => t.Environments = ["pre-prod"])
        .Reports(nameof(Delivery.Verify.ILoadTest.LoadTest), junit: "artifacts/load-test/junit.xml")
        .Job(nameof(IQualityGate.QualityGate))
        .Schedule(nameof(Pipeline), "0 2 * * 1-5", name: "nightly")
        // The daily release train (Build.Train.cs): 17:00 India Standard Time is 11:30 UTC all year (IST is UTC+05:30,
        // with no daylight saving), Monday to Friday; ReleaseTrainSchedule.UtcCrons gives the lines for another zone.
        .Schedule(nameof(ReleaseTrain), "30 11 * * 1-5", name: "release-train")
        // Development environments rebuilt from their declared state every weekday morning (docs/environments.md,
        // Rebuild). As confidence grows, a team turns on the hourly one the same way, in working hours:
        // .Schedule(nameof(Operations.Environments.IRebuild.Rebuild), "0 7-18 * * 1-5", name: "rebuild-hourly")
        .Schedule(nameof(Operations.Environments.IRebuild.Rebuild), "0 5 * * 1-5", name: "rebuild-daily")
        // The release channel: deployments through the webhook, promotions, rollbacks and evidence through the bot (ChatOps).
        .ImportSecrets(nameof(IDeploy.SlackWebhook), nameof(Release.Pipeline.IPipeline.RegistryPassword), nameof(Releasing.ChatOps.IChatOps.SlackBotToken))
        // The job's private key is a file (--signing-key takes a path): the headers ask for a File-type / secure-file secret.
        .ImportSecretFiles(nameof(IReleaseProcess.SigningKey))
        .Variables(nameof(Stages.BuildImage.IBuildImage.Registry), nameof(Stages.BuildImage.IBuildImage.BaseImage), nameof(Release.Pipeline.IPipeline.RegistryUsername),
            nameof(IReleaseProcess.ReleaseRecords), nameof(IDeploy.GitopsRepository), nameof(IClone.SourceRepository), nameof(Releasing.ChatOps.IChatOps.SlackChannel),
            // What the scheduled rebuild recreates the development environment from: the environment repository's pins.
            nameof(Release.Environments.Component.IEnvironments.EnvironmentsRepository))
        .UseGitLabContainerRegistry(nameof(Stages.BuildImage.IBuildImage.Registry), nameof(Release.Pipeline.IPipeline.RegistryUsername),
            nameof(Release.Pipeline.IPipeline.RegistryPassword), nameof(Stages.BuildImage.IBuildImage.ImageRepository))
        .CacheNuGetPackages()
        .ShareCompiledBuild()
        .UseGitLab(image: DotNetSdkImage)
        .UseAzure(dotNetSdkVersion: DotNetSdkVersion);

    /// <summary>The .NET SDK version global.json names: the SDK every CI job needs (CheckCI fails when the two differ).</summary>
    string DotNetSdkVersion =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(RootDirectory / "global.json")).RootElement.GetProperty("sdk").GetProperty("version").GetString()
        ?? throw new BuildDefinitionException("global.json names no sdk.version: the CI files install the SDK it names.");

    /// <summary>The .NET SDK image of that version, every GitLab job's image.</summary>
    string DotNetSdkImage => "mcr.microsoft.com/dotnet/sdk:" + DotNetSdkVersion;

    /// <summary>The quality gate scores this pipeline's results, so it runs after the scan and the integration tests.</summary>
    Target IQualityGate.QualityGate => _ => _
        .Base()
        .DependsOn<IScan>(x => x.Scan)
        .DependsOn<IIntegrate>(x => x.Integrate);

    /// <summary>
    /// The production job of the release process: re-reads the release's record and commits (OpenRelease keeps an
    /// existing record as it is), writes the release notes, blesses this pipeline's release and promotes it by digest to
    /// <c>--to</c>, tags it and writes the evidence. Needs the pipeline's quality gate, image and chart, and the unit
    /// test, scan and integration results (checklist evidence and the evidence bundle).
    /// </summary>
    Target ReleaseTo => _ => _
        .Description("Release process after the pipeline: OpenRelease, ReleaseNotes, Bless, Promote --to ENV (by digest), Tag, Evidence")
        .DependsOn<IClone>(x => x.Clone)
        .DependsOn<IQualityGate>(x => x.QualityGate)
        .DependsOn<IGoNoGo>(x => x.OpenRelease)
        .DependsOn<IBless>(x => x.Bless)
        .DependsOn<IPromote>(x => x.Promote)
        .DependsOn<IVersioning>(x => x.Tag)
        .DependsOn<IReleaseNotes>(x => x.ReleaseNotes)
        .DependsOn<IEvidence>(x => x.Evidence)
        .Consumes([.. ModuleGlobs("push/push.json", "chart/chart.json", "unit-tests/**", "scan/**"), "artifacts/release/channel.json",
            ((Release.Pipeline.IPipeline)this).Paths.Glob("integration/**")]);

    /// <summary>The globs of every module's files under <paramref name="relatives"/> (what the production job is handed).</summary>
    IEnumerable<string> ModuleGlobs(params string[] relatives) =>
        AppStages.Application.ModuleNames.SelectMany(m => relatives.Select(r => new PipelinePaths(RootDirectory, m).Glob(r)));
}
