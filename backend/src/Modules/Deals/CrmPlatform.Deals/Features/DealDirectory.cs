using CrmPlatform.Deals.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>The Deals module's answer to <see cref="IDealDirectory"/>, by the same record scope as its own reads.</summary>
internal sealed class DealDirectory(DealViews views) : IDealDirectory
{
    public async Task<IReadOnlyDictionary<Guid, DealCard>> FindVisibleAsync(IReadOnlyCollection<Guid> dealIds, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. dealIds.Distinct()];
        return ids.Length == 0
            ? new Dictionary<Guid, DealCard>()
            : await views.Visible().Where(d => ids.Contains(d.Id)).Select(d => new DealCard(d.Id, d.Title, d.CustomerId)).ToDictionaryAsync(d => d.Id, cancellationToken);
    }
}
