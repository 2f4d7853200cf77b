using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;

namespace CrmPlatform.Visits.Features;

/// <summary>
/// Who writes and who signs off a rep's day (a plan, a report): only the rep writes it; the rep's own manager or a
/// director signs it off, never the rep. Record scope has already hidden other teams' days (404).
/// </summary>
internal static class SignOff
{
    public static Error? MayWrite(this ICurrentUser user, IOwnedRecord day) =>
        day.OwnerId == user.Id ? null : Error.Forbidden("visits.not_yours", "Only the rep whose day it is writes it.");

    public static Error? MayReview(this ICurrentUser user, IOwnedRecord day)
    {
        if (day.OwnerId == user.Id)
        {
            return Error.Forbidden("visits.own", "A rep's day is signed off by their manager, never by the rep.");
        }

        return user.Role is Roles.Director or Roles.Admin || (user.Role == Roles.Manager && day.TeamId is not null && day.TeamId == user.TeamId)
            ? null
            : Error.Forbidden("visits.not_reviewer", "A rep's day is signed off by their manager or a director.");
    }
}
