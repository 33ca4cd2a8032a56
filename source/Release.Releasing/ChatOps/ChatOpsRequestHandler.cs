using System.Text;
using System.Text.Json.Nodes;
using Release.Engine;
using Release.Process.Approvals;
using Release.Process.ChatOps;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;
using Release.SemVer;

namespace Release.Releasing.ChatOps;

/// <summary>
/// Decides what one HTTP request to the ChatOps endpoint gets. First the request must be Slack's: its signature
/// (<see cref="SlackRequestSignature"/>), its age and a first sighting (<see cref="SlackReplayGuard"/>); a request that is
/// not is answered 401 with the reason and nothing else happens (its response_url is not trusted, so nothing is posted).
/// Then the Slack user becomes a voter through the roster (<see cref="SlackVoter"/>) and the vote is recorded by
/// <see cref="VoteCasting"/>, the code path of <c>./build.sh Vote</c>, after Slack has had its answer: refusals go to the
/// user alone (ephemeral, through response_url), a recorded vote to the Go/NoGo message's thread (or the channel).
/// </summary>
/// <param name="build">The build.</param>
/// <param name="slack">Where answers go.</param>
/// <param name="relay">The relay key's owner on the roster (who signs relayed votes).</param>
/// <param name="release">The endpoint's release (<c>--release</c> or the computed version), or null when a request must name one.</param>
internal sealed class ChatOpsRequestHandler(IChatOps build, SlackApi slack, RosterSigner relay, ReleaseSelection? release)
{
    /// <summary>The largest body accepted; Slack's interaction payloads are far smaller.</summary>
    public const int MaxBody = 256 * 1024;

    private readonly SlackReplayGuard _replays = new();
    // One record change at a time from this endpoint (the records repository also merges concurrent writers).
    private readonly SemaphoreSlim _recording = new(1, 1);

    /// <summary>Answers a request; <paramref name="header"/> reads a request header by name.</summary>
    public ChatOpsAnswer Handle(string method, string path, Func<string, string?> header, byte[] body)
    {
        if (method == "GET" && path.TrimEnd('/') == "/healthz") return new(200, "ok");
        if (method != "POST") return new(405, "POST Slack's requests here.");
        var now = build.Clock.GetUtcNow();
        var check = SlackRequestSignature.Check(
            build.SlackSigningSecret!,
            header("X-Slack-Request-Timestamp"),
            header("X-Slack-Signature"),
            body,
            now);
        if (!check.Authentic) return Refuse(check.Message);
        if (!_replays.Admit(header("X-Slack-Signature")!, check.Timestamp!.Value, now))
            return Refuse("This signed request was already received: refused as a replay.");

        var interaction = SlackInteraction.Parse(Encoding.UTF8.GetString(body));
        if (!string.IsNullOrWhiteSpace(build.SlackTeam) && interaction.TeamId != build.SlackTeam.Trim())
            return new(403, $"Requests from Slack workspace '{interaction.TeamId}' are not accepted here.");
        if (interaction.Command is not { } command)
        {
            build.Log.Warning($"ChatOps: Slack user {interaction.UserId}: {interaction.Error}");
            return Ephemeral(interaction, interaction.Error!);
        }
        var what = command.Verb == ChatOpsVerb.Status ? "status" : $"{command.Decision} vote";
        build.Log.Information($"ChatOps: {what} from Slack user {interaction.UserId}");
        return new(
            200,
            interaction.IsButton ? "" : Json(Message($"Working on it: {what}…")),
            interaction.IsButton ? "text/plain; charset=utf-8" : "application/json",
            ct => RunAsync(interaction, command, ct));
    }

    private ChatOpsAnswer Refuse(string reason)
    {
        build.Log.Warning($"ChatOps: refused a request: {reason}");
        return new(401, reason);
    }

    // A request Slack really sent but that asks nothing we do: a slash command's user is told in Slack's own answer, a
    // button's (whose answer body Slack ignores) through its response_url.
    private ChatOpsAnswer Ephemeral(SlackInteraction interaction, string text) =>
        interaction.IsButton
            ? new(200, "", Then: ct => AnswerUserAsync(interaction, Message(SlackText.Escape(text)), ct))
            : new(200, Json(Message(SlackText.Escape(text))), "application/json");

    private async Task RunAsync(SlackInteraction interaction, ChatOpsCommand command, CancellationToken ct)
    {
        try
        {
            var selection = Selection(command);
            var environment = command.Environment ?? (string.IsNullOrWhiteSpace(build.Environment) ? "production" : build.Environment.Trim());
            var gate = GateEvaluation.Find(build, environment);
            if (command.Verb == ChatOpsVerb.Status)
            {
                var decision = await DecideAsync(selection, gate, ct).ConfigureAwait(false);
                await AnswerUserAsync(interaction, GoNoGoMessage.Render(decision, selection.Version.ToString(), gate.Window, buttons: false), ct)
                    .ConfigureAwait(false);
                return;
            }
            await VoteAsync(interaction, command, selection, gate, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ReleaseRefusedException or BuildInputException)
        {
            build.Log.Warning($"ChatOps: refused for Slack user {interaction.UserId}: {e.Message}");
            await AnswerUserAsync(interaction, Message($":no_entry: Refused: {SlackText.Escape(e.Message)}"), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Not a rule's refusal (git unreachable, a tool failed): the log has the details, the user gets no internals.
            build.Log.Error($"ChatOps: the request of Slack user {interaction.UserId} failed: {e.Message}");
            await AnswerUserAsync(interaction, Message(":warning: The release endpoint could not complete this; nothing new is recorded unless " +
                "Slack shows it. Ask the release manager to check the ChatOps log."), ct).ConfigureAwait(false);
        }
    }

    private async Task VoteAsync(
        SlackInteraction interaction,
        ChatOpsCommand command,
        ReleaseSelection selection,
        GatePolicy gate,
        CancellationToken ct)
    {
        await _recording.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var record = RecordTrust.Trusted(build, await ReadAsync(selection, ct).ConfigureAwait(false));
            var voter = SlackVoter.Resolve(RecordTrust.Rosters(build), gate, interaction.UserId, record.Votes(), record.Attestations());
            if (voter.Refusal is not null) throw new ReleaseRefusedException(voter.Refusal + " Nothing was recorded.");
            var via = $"slack:{interaction.TeamId}/{interaction.UserId}";
            var outcome = await VoteCasting.CastAsync(build,
                new VoteRequest(selection, gate, voter.Role!, command.Decision!.Value, command.Reason, voter.Person!, via), ct).ConfigureAwait(false);
            var status = outcome.Status;
            build.Log.Information($"ChatOps: recorded {command.Decision} by {voter.Person} as {voter.Role} on release {selection.Id} at gate " +
                $"'{gate.Environment}' " +
                                  $"(Slack user {interaction.UserId}, signed by relay {relay.Name}) in {outcome.Repository}");
            var text
                = $":ballot_box_with_check: *{command.Decision}* by {SlackText.Escape(voter.Person!)} as {voter.Role} recorded on {selection.Id} " +
                       $"(from Slack, signed by the ChatOps relay {SlackText.Escape(relay.Name)})" +
                       (command.Reason.Length > 0 ? $": {SlackText.Escape(command.Reason)}" : ".") + "\n" +
                       (status.Passed ? $"Gate '{gate.Environment}' passes." : $"Gate '{gate.Environment}' still blocked:\n"
                           + string.Join("\n", status.Blockers.Select(b => "• " + SlackText.Escape(b))));
            await AnswerChannelAsync(interaction, Message(text), ct).ConfigureAwait(false);
        }
        finally
        {
            _recording.Release();
        }
    }

    private async Task<GateDecision> DecideAsync(ReleaseSelection selection, GatePolicy gate, CancellationToken ct)
    {
        var record = await ReadAsync(selection, ct).ConfigureAwait(false);
        var evidence = await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, RecordTrust.Trusted(build, record), ct).ConfigureAwait(false);
        return GateEvaluation.Decide(build, gate, record, evidence);
    }

    private async Task<ReleaseRecord> ReadAsync(ReleaseSelection selection, CancellationToken ct)
    {
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        return await new ReleaseRecordStore(records).ReadAsync(selection.Id, ct).ConfigureAwait(false);
    }

    private ReleaseSelection Selection(ChatOpsCommand command)
    {
        if (command.Version is { } version) return new ReleaseSelection(build.Module, SemanticVersion.Parse(version));
        return release ?? throw new ReleaseRefusedException(
            "This ChatOps endpoint has no release of its own (it was started without --release): name the version, e.g. `/release status 1.4.0`.");
    }

    // Refusals and status answers go to the one user (ephemeral); without a response_url there is nobody to tell but the log.
    private async Task AnswerUserAsync(SlackInteraction interaction, JsonObject message, CancellationToken ct)
    {
        if (interaction.ResponseUrl is null) return;
        message["response_type"] = "ephemeral";
        message["replace_original"] = false;
        await TryAsync(() => slack.RespondAsync(interaction.ResponseUrl, message, ct)).ConfigureAwait(false);
    }

    // A recorded vote is for everyone: in the Go/NoGo message's thread when the bot may post, else in the channel.
    private async Task AnswerChannelAsync(SlackInteraction interaction, JsonObject message, CancellationToken ct)
    {
        if (interaction.IsButton && slack.CanPost && interaction.ChannelId is { } channel)
        {
            await TryAsync(() => slack.PostMessageAsync(channel, message, interaction.MessageTs, ct)).ConfigureAwait(false);
            return;
        }
        if (interaction.ResponseUrl is null) return;
        message["response_type"] = "in_channel";
        message["replace_original"] = false;
        await TryAsync(() => slack.RespondAsync(interaction.ResponseUrl, message, ct)).ConfigureAwait(false);
    }

    // An answer that cannot be delivered is logged; the vote (or refusal) stands as recorded.
    private async Task TryAsync(Func<Task> answer)
    {
        try { await answer().ConfigureAwait(false); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            build.Log.Warning($"ChatOps: the answer to Slack could not be delivered ({e.Message}).");
        }
    }

    private static JsonObject Message(string text) => new() { ["text"] = text };

    private static string Json(JsonObject message)
    {
        message["response_type"] = "ephemeral";
        return message.ToJsonString();
    }
}
