using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;
using ExcelDataReader;

namespace CrmPlatform.BuildingBlocks.Exchange;

/// <summary>A file that is not the table it claims to be, or is malformed after row <see cref="AfterRow"/>.</summary>
public sealed class TableFormatException(int afterRow, Exception inner) : Exception($"The table cannot be read after row {afterRow}.", inner)
{
    public int AfterRow { get; } = afterRow;
}

/// <summary>
/// Reads a table (an import) a row at a time, whatever wrote it: <see cref="TableWriter"/>'s files, Excel's own
/// and a CSV saved by Excel on a Chinese Windows (GB18030 rather than UTF-8). Cells are trimmed text, an empty
/// cell is null, and rows without a value are passed over, so trailing blank rows of a sheet are no rows.
/// </summary>
public abstract class TableReader : IDisposable
{
    public static TableFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => TableFormat.Csv,
        ".xlsx" => TableFormat.Xlsx,
        _ => null,
    };

    /// <exception cref="TableFormatException">The content is not a table of that format.</exception>
    public static TableReader Open(TableFormat format, byte[] content) =>
        format == TableFormat.Xlsx ? new XlsxTableReader(content) : new CsvTableReader(content);

    /// <summary>The current row's cells.</summary>
    public IReadOnlyList<string?> Cells { get; private set; } = [];

    /// <summary>The current row's number as a spreadsheet shows it: the first row (the header) is 1.</summary>
    public int RowNumber { get; private set; }

    /// <summary>Moves to the next row with a value; false at the end of the table.</summary>
    /// <exception cref="TableFormatException">The file breaks off or is malformed at this row.</exception>
    public bool Read()
    {
        while (ReadRow(out var cells, out var rowNumber))
        {
            if (cells.Any(c => c is not null))
            {
                Cells = cells;
                RowNumber = rowNumber;
                return true;
            }
        }

        return false;
    }

    public abstract void Dispose();

    protected abstract bool ReadRow(out string?[] cells, out int rowNumber);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed class CsvTableReader : TableReader
    {
        // What TableWriter puts before a cell that a spreadsheet would take for a formula.
        private static readonly char[] FormulaStarts = ['=', '@', '+', '-', '\t', '\r'];
        private readonly CsvParser _parser;
        private int _records;

        public CsvTableReader(byte[] content)
        {
            var text = new StreamReader(new MemoryStream(content), EncodingOf(content), detectEncodingFromByteOrderMarks: true);
            _parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true });
        }

        public override void Dispose() => _parser.Dispose();

        protected override bool ReadRow(out string?[] cells, out int rowNumber)
        {
            try
            {
                if (!_parser.Read())
                {
                    cells = [];
                    rowNumber = _records;
                    return false;
                }
            }
            catch (CsvHelperException ex)
            {
                throw new TableFormatException(_records, ex);
            }

            rowNumber = ++_records;
            cells = [.. _parser.Record!.Select(Unescape)];
            return true;
        }

        private static string? Unescape(string cell)
        {
            var text = Clean(cell);
            return text is ['\'', var first, ..] && FormulaStarts.Contains(first) ? text[1..] : text;
        }

        /// <summary>UTF-8 when the bytes are UTF-8 (with a BOM or without); otherwise what Excel on a Chinese Windows saves.</summary>
        private static Encoding EncodingOf(byte[] content) =>
            Utf8.IsValid(content) ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
    }

    private sealed class XlsxTableReader : TableReader
    {
        private readonly IExcelDataReader _reader;

        // ExcelDataReader's settings default to a Windows code page even for a workbook (all UTF-8 inside), and
        // .NET knows code pages only once the provider is registered.
        static XlsxTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        public XlsxTableReader(byte[] content)
        {
            try
            {
                _reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(content));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new TableFormatException(0, ex);
            }
        }

        public override void Dispose() => _reader.Dispose();

        protected override bool ReadRow(out string?[] cells, out int rowNumber)
        {
            try
            {
                if (!_reader.Read())
                {
                    cells = [];
                    rowNumber = _reader.Depth + 1;
                    return false;
                }

                cells = new string?[_reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Clean(Text(_reader.GetValue(i)));
                }

                rowNumber = _reader.Depth + 1;
                return true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not TableFormatException)
            {
                throw new TableFormatException(_reader.Depth, ex);
            }
        }

        /// <summary>A cell as a person reads it: a phone typed as a number has no ".0", a date no midnight.</summary>
        private static string? Text(object? value) => value switch
        {
            null => null,
            string text => text,
            double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            DateTime time when time.TimeOfDay == TimeSpan.Zero => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime time => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
