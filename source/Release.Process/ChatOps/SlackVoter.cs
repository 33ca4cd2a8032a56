using Release.Process.Approvals;

namespace Release.Process.ChatOps;

/// <summary>Who a Slack user votes as: the person and role, or why they cannot vote from Slack.</summary>
/// <param name="Person">The roster's person, or null when refused.</param>
/// <param name="Role">The role they vote in, or null when refused.</param>
/// <param name="Refusal">Why not, naming the fix; null when they may go on to the vote's own rules.</param>
public sealed record SlackVoter(string? Person, ApprovalRole? Role, string? Refusal)
{
    /// <summary>
    /// Maps a Slack user to a voter through the gate's roster: the person is the one whose roster line says
    /// <c>slack=USER</c>; the role is the one they already voted or attested in on this release, else their only role at
    /// the gate on the roster. Everything else (segregation of duties, the window, one role per person) is the vote's
    /// own rules, checked afterwards by <see cref="VoteAdmission"/> exactly as for <c>./build.sh Vote</c>.
    /// </summary>
    /// <param name="rosters">Every gate's roster (a person's Slack id may be on any of them).</param>
    /// <param name="gate">The gate voted on.</param>
    /// <param name="slackUser">The Slack user id from the verified request.</param>
    /// <param name="votes">The release's trusted votes.</param>
    /// <param name="attestations">The release's trusted attestations.</param>
    public static SlackVoter Resolve(
        IEnumerable<RoleRoster> rosters,
        GatePolicy gate,
        string slackUser,
        IEnumerable<Vote> votes,
        IEnumerable<Attestation> attestations)
    {
        var person = rosters.Select(r => r.PersonOfSlackUser(slackUser)).FirstOrDefault(p => p is not null);
        if (person is null)
            return new(null, null,
                $"Slack user {slackUser} is not on the release roster, so their vote cannot be recorded. Ask for `slack={slackUser}` on your line " +
                    "of " +
                    "build/release-roster (reviewed like code), or vote with `./build.sh Vote` and your own key.");
        if (AttestationAdmission.RoleClaimedBy(person, votes, attestations) is { } claimed && gate.RequiredRoles.Contains(claimed.Role))
            return new(person, claimed.Role, null);
        var roles = gate.RequiredRoles.Where(r => gate.Roster.MembersOf(r) is { } members && Identity.IsIn(person, members)).ToArray();
        return roles.Length switch
        {
            1 => new(person, roles[0], null),
            0 => new(person, null,
                $"{person} (Slack user {slackUser}) is listed in none of the roles that vote at gate '{gate.Environment}' " +
                $"({string.Join(", ", gate.RequiredRoles)}) on the roster: add them to their role's lines in build/release-roster."),
            _ => new(person, null,
                $"{person} is listed in several roles at gate '{gate.Environment}' ({string.Join(", ", roles.Select(r => r.Name))}), so a Slack " +
                    "vote cannot tell which: " +
                "cast the first vote with `./build.sh Vote --role ROLE`; later Slack votes use that role."),
        };
    }
}
