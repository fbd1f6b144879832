using System.Text;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Photos.Processing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>A chosen file the photo rules refused: its place in the form (1-based), its name as sent, and why.</summary>
public sealed record RefusedPhoto(int Number, string FileName, PhotoResult.Refused Refusal);

/// <summary>What to do with a form's files, decided from its text fields before the first file is read.</summary>
public enum PhotoReading
{
    /// <summary>Check and decode them: the form can be stored if they pass.</summary>
    Decode,
    /// <summary>
    /// Only the cheap checks (size, format, the header's pixel count), so their problems are told with the form's:
    /// the form's fields must be corrected first, and decoding a photo now would be work for nothing.
    /// </summary>
    HeaderOnly,
    /// <summary>Count them only: the form is refused whatever they hold (the campaign's phase, the resident's quota).</summary>
    Skip,
}

/// <summary>What a nomination form brought: its text fields, the photos that passed, and what went wrong with the rest.</summary>
/// <param name="FileCount">Files chosen (an empty file input sends a nameless empty part, which is not counted).</param>
/// <param name="BadlyEncodedFields">Text fields whose bytes were not valid UTF-8.</param>
/// <param name="TooLarge">The request as a whole was over <see cref="NominationFormReader.MaxRequestBytes"/>; reading stopped there.</param>
/// <param name="Malformed">Not a multipart form that can be read (no boundary, cut short, too many parts); nothing in it counts.</param>
/// <param name="UncheckedPhotos">Files that passed the cheap checks but were not decoded (<see cref="PhotoReading.HeaderOnly"/>).</param>
/// <param name="Busy">No decode slot came free in time (<see cref="PhotoDecodeGate"/>); reading stopped there.</param>
public sealed record NominationFormData(
    IFormCollection Fields,
    IReadOnlyList<PhotoResult.Accepted> Photos,
    IReadOnlyList<RefusedPhoto> Refused,
    int FileCount,
    IReadOnlyList<string> BadlyEncodedFields,
    bool TooLarge,
    bool Malformed = false,
    int UncheckedPhotos = 0,
    bool Busy = false);

/// <summary>
/// Reads a nomination form sent as multipart/form-data one part at a time, so the framework never buffers an upload:
/// text fields are collected (each capped), and each chosen file goes straight through the <see cref="PhotoProcessor"/>,
/// which reads at most one byte past the size limit and judges the file by its content alone. Before the first file,
/// the caller looks at the text fields and says whether photos are worth decoding (<see cref="PhotoReading"/>); decodes
/// wait for a slot of the silo's <see cref="PhotoDecodeGate"/>. Nothing is stored here.
/// </summary>
public sealed class NominationFormReader(PhotoProcessor processor, PhotoDecodeGate decodes)
{
    /// <summary>One file more than allowed, each at the size limit, plus room for the text: "4 photos" still gets its own message.</summary>
    public long MaxRequestBytes => (NominationLimits.MaxPhotos + 1) * processor.Rules.MaxUploadBytes + 2 * 1024 * 1024;

    /// <summary>Far above any story (2000 characters): a longer field is cut here and then refused as too long.</summary>
    public const int MaxFieldChars = 256 * 1024;

    private const int MaxParts = 64;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <param name="photosAllowed">
    /// How many new photos may come, given the text fields read before the first file (e.g. the photos the form keeps);
    /// files past it are counted, not decoded.
    /// </param>
    /// <param name="beforeFirstFile">
    /// Runs once, before the first file is read (or at the end when there is none), with the text fields so far
    /// also set as the request's form, e.g. to check the antiforgery token, the phase, the quota and the fields before
    /// any photo is decoded; says what to do with the files.
    /// </param>
    public async Task<NominationFormData> ReadAsync(
        HttpRequest request, Func<IFormCollection, int> photosAllowed, Func<IFormCollection, Task<PhotoReading>>? beforeFirstFile,
        CancellationToken cancellationToken)
    {
        // Kestrel's own limit (30 MB by default) would cut a legitimate form with three large photos short.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
            sizeLimit.MaxRequestBodySize = MaxRequestBytes;
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value;
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var photos = new List<PhotoResult.Accepted>();
        var refused = new List<RefusedPhoto>();
        var badlyEncoded = new List<string>();
        var files = 0;
        var filesStarted = false;
        var allowed = 0;
        var reading = PhotoReading.Decode;
        var notDecoded = 0;

        if (string.IsNullOrEmpty(boundary))
            return Result(tooLarge: false, malformed: true);
        await using var body = new CappedStream(request.Body, MaxRequestBytes);
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 16 * 1024 };
        try
        {
            for (var parts = 0; await reader.ReadNextSectionAsync(cancellationToken) is { } section; parts++)
            {
                if (parts >= MaxParts)
                    return Result(tooLarge: false, malformed: true);
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    continue;

                if (!disposition.IsFileDisposition())
                {
                    var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                    var (value, valid) = await ReadTextAsync(section.Body, cancellationToken);
                    fields[name] = StringValues.Concat(fields.GetValueOrDefault(name), value);
                    if (!valid)
                        badlyEncoded.Add(name);
                    continue;
                }

                if (!filesStarted)
                {
                    filesStarted = true;
                    reading = await RunBeforeFilesAsync(request, fields, beforeFirstFile);
                    allowed = photosAllowed(new FormCollection(new(fields, StringComparer.OrdinalIgnoreCase)));
                }
                var fileName = FileNameOf(disposition);
                if (files >= allowed || reading == PhotoReading.Skip)
                {
                    // Counted so the form can say "at most 3 photos"; no point decoding a photo that cannot be kept.
                    if (fileName.Length > 0)
                        files++;
                    continue;
                }
                var inspection = await processor.InspectAsync(section.Body, cancellationToken);
                if (inspection.Refusal is { Problem: PhotoProblem.Empty } && fileName.Length == 0)
                    continue; // an empty file input: no photo chosen
                files++;
                if (inspection.Refusal is { } refusal)
                {
                    refused.Add(new RefusedPhoto(files, fileName, refusal));
                    continue;
                }
                if (reading == PhotoReading.HeaderOnly)
                {
                    notDecoded++;
                    continue;
                }
                using (var slot = await decodes.TryEnterAsync(cancellationToken))
                {
                    if (slot is null)
                        return Result(tooLarge: false, busy: true);
                    var result = processor.Decode(inspection.Upload!, cancellationToken);
                    if (result is PhotoResult.Accepted accepted)
                        photos.Add(accepted);
                    else
                        refused.Add(new RefusedPhoto(files, fileName, (PhotoResult.Refused)result));
                }
            }
        }
        catch (Exception e) when (e is RequestTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return Result(tooLarge: true);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            // Cut short, a missing end boundary, headers over the limit: a client's mistake, never a server error.
            return Result(tooLarge: false, malformed: true);
        }
        if (!filesStarted)
            await RunBeforeFilesAsync(request, fields, beforeFirstFile);
        return Result(tooLarge: false);

        NominationFormData Result(bool tooLarge, bool malformed = false, bool busy = false)
        {
            var form = new FormCollection(fields);
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(form));
            return new NominationFormData(form, photos, refused, files, badlyEncoded, tooLarge, malformed, notDecoded, busy);
        }
    }

    private static async Task<PhotoReading> RunBeforeFilesAsync(
        HttpRequest request, Dictionary<string, StringValues> fields, Func<IFormCollection, Task<PhotoReading>>? beforeFirstFile)
    {
        var form = new FormCollection(new(fields, StringComparer.OrdinalIgnoreCase));
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(form));
        return beforeFirstFile is null ? PhotoReading.Decode : await beforeFirstFile(form);
    }

    /// <summary>The field as text, cut at <see cref="MaxFieldChars"/>; valid is false when its bytes were not UTF-8.</summary>
    private static async Task<(string Value, bool Valid)> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, StrictUtf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[8192];
        var text = new StringBuilder();
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (text.Length < MaxFieldChars)
                    text.Append(buffer, 0, Math.Min(read, MaxFieldChars - text.Length));
            }
            return (text.ToString(), true);
        }
        catch (DecoderFallbackException)
        {
            await body.CopyToAsync(Stream.Null, cancellationToken);
            return ("", false);
        }
    }

    /// <summary>The file's name as the browser sent it, without any folder, short enough to show in a message.</summary>
    private static string FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var raw = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        var name = raw.Replace('\\', '/').Split('/').Last().Trim();
        return name.Length > 80 ? name[..80] + "…" : name;
    }

    private sealed class RequestTooLargeException() : IOException("The request is larger than the nomination form allows.");

    /// <summary>Reads through to the inner stream and throws once more than the limit has come.</summary>
    private sealed class CappedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            _read += read;
            if (_read > limit)
                throw new RequestTooLargeException();
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read the request asynchronously.");
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
