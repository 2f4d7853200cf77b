using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SpreadCheetah;

namespace CrmPlatform.BuildingBlocks.Exchange;

/// <summary>The file formats a table (an export, an import) comes in.</summary>
public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes a table to a stream a row at a time and keeps no more than a row: an export of any size takes
/// the same memory (ADR 0021). CSV is UTF-8 with a byte-order mark, so Excel reads Chinese right, and a
/// cell that a spreadsheet would take for a formula is written with a leading apostrophe.
/// </summary>
public abstract class TableWriter : IAsyncDisposable
{
    public static string ContentTypeOf(TableFormat format) => format == TableFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static string ExtensionOf(TableFormat format) => format == TableFormat.Xlsx ? ".xlsx" : ".csv";

    public static async Task<TableWriter> CreateAsync(TableFormat format, Stream output, string sheetName, CancellationToken cancellationToken) =>
        format == TableFormat.Xlsx ? await XlsxTableWriter.CreateAsync(output, sheetName, cancellationToken) : new CsvTableWriter(output);

    public abstract ValueTask WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken);

    /// <summary>Ends the file; what was written before is a valid file only after this.</summary>
    public abstract ValueTask CompleteAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    private sealed class CsvTableWriter(Stream output) : TableWriter
    {
        private readonly StreamWriter _text = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        private CsvWriter? _csv;

        private CsvWriter Csv => _csv ??= new CsvWriter(_text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });

        public override async ValueTask WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken)
        {
            foreach (var cell in cells)
            {
                Csv.WriteField(cell ?? string.Empty);
            }

            await Csv.NextRecordAsync();
        }

        public override async ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            await Csv.FlushAsync();
            await _text.FlushAsync(cancellationToken);
        }

        public override async ValueTask DisposeAsync()
        {
            if (_csv is not null)
            {
                await _csv.DisposeAsync();
            }

            await _text.DisposeAsync();
        }
    }

    private sealed class XlsxTableWriter(Spreadsheet spreadsheet, AsyncResponseStream output) : TableWriter
    {
        private bool _finished;

        public static async Task<TableWriter> CreateAsync(Stream response, string sheetName, CancellationToken cancellationToken)
        {
            var output = new AsyncResponseStream(response);
            var spreadsheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken);
            await spreadsheet.StartWorksheetAsync(sheetName, token: cancellationToken);
            return new XlsxTableWriter(spreadsheet, output);
        }

        public override async ValueTask WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken)
        {
            var row = new Cell[cells.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = new Cell(cells[i]);
            }

            await spreadsheet.AddRowAsync(row, cancellationToken);
        }

        /// <summary>The workbook's last parts, then the zip's central directory (written as the spreadsheet is disposed).</summary>
        public override async ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            await spreadsheet.FinishAsync(cancellationToken);
            await spreadsheet.DisposeAsync();
            _finished = true;
            await output.FlushAsync(cancellationToken);
        }

        public override async ValueTask DisposeAsync()
        {
            if (!_finished)
            {
                await spreadsheet.DisposeAsync();
            }

            await output.DisposeAsync();
        }
    }
}
