/*
 * io_text.c - io.TextIOWrapper: str over a buffered byte stream.
 *
 * Design notes
 * ------------
 * The three codecs gilpy knows (UTF-8, ASCII, Latin-1) are all
 * ASCII-compatible: '\r' and '\n' are single bytes that never occur inside
 * a multi-byte character. So the wrapper finds lines and translates
 * newlines on the *bytes*, and decodes each line (or each read() result)
 * once, with the str module's codec. A str is UTF-8 inside, so decoding a
 * valid UTF-8 line is one validation pass and one copy.
 *
 * Where the undecoded bytes live. Over a C buffered stream (what open()
 * builds) the wrapper has no buffer of its own: it reads straight out of
 * the buffered stream's buffer and consumes from it, so tell() is simply
 * the buffered position and `for line in f` costs a memchr and a str
 * allocation per line. Over any other binary stream (BytesIO, a Python
 * object) it keeps its own byte buffer, filled by calling the stream's
 * read(). The four src_* functions hide the difference.
 *
 * Newlines, as CPython: newline=None reads universal newlines translated to
 * '\n' and writes '\n' as os.linesep (also '\n' here); newline='' reads
 * universal newlines untranslated; '\n', '\r' or '\r\n' end lines only at
 * that string on read and translate '\n' to it on write.
 *
 * Positions: tell() returns the byte offset of the next unread byte, which
 * is a valid cookie for seek() since the wrapper keeps no decoder state
 * between calls.
 *
 * UTF-16 and UTF-32 are not ASCII-compatible: a '\n' byte may be half of
 * another character. For them ("wide" codecs) lines are found by code unit
 * (text_find_eol_wide), characters are counted by unit, newlines are
 * translated on the decoded str, and every write is encoded. The only state
 * is the byte order: the plain "utf-16" reads its BOM once and then decodes
 * the rest with the order it named; it writes its BOM once, at the start of
 * the file, and then writes little-endian units without one.
 */
#include <string.h>

#include "mod/io_internal.h"
#include "obj/str.h"
#include "runtime/runtime.h"

/* The chunk the wrapper asks a non-C buffer for. */
#define TEXT_CHUNK 8192

typedef struct io_text {
    gp_object_t base;
    gp_object_t *buffer;     /* NULL once detached */
    gp_io_buffered_t *fast;  /* buffer when it is a C buffered stream */
    gp_object_t *encoding;   /* str, as reported */
    gp_object_t *errors;     /* str */
    gp_object_t *mode;       /* str set by open(), or NULL */
    const char *readnl;      /* NULL: universal newlines */
    const char *writenl;     /* NULL: write '\n' unchanged */
    bool readtranslate;      /* universal newlines become '\n' */
    bool line_buffering, write_through;
    bool utf8_strict;        /* the common case, decoded without codec lookups */
    bool utf8;               /* the codec is UTF-8 (whatever the error handler) */
    int wide_unit;           /* 2 (UTF-16) or 4 (UTF-32) bytes per code unit, else 0 */
    int read_codec;          /* GP_CODEC_* used to decode; plain until the BOM is read */
    int write_codec;         /* GP_CODEC_* used to encode; plain until the BOM is written */
    /* The byte buffer of the generic path: unconsumed bytes [rpos, rlen). */
    char *rbuf;
    size_t rpos, rlen, rcap;
} io_text_t;

#define TEXT(o) ((io_text_t *)(o))

/* ------------------------------------------------------------------ */
/* The byte source                                                      */
/* ------------------------------------------------------------------ */

static const char *src_data(io_text_t *t)
{
    if (t->fast)
        return t->fast->buf ? t->fast->buf + t->fast->rpos : "";
    return t->rbuf ? t->rbuf + t->rpos : "";
}

static size_t src_avail(io_text_t *t)
{
    return t->fast ? t->fast->rlen - t->fast->rpos : t->rlen - t->rpos;
}

static void src_consume(io_text_t *t, size_t n)
{
    if (t->fast)
        t->fast->rpos += n;
    else
        t->rpos += n;
}

/* Reads more bytes after the unconsumed ones (src_data may move). Returns
   the count, 0 at end of file, -1 with an exception. */
static int64_t src_fill(io_text_t *t)
{
    if (t->fast)
        return gp_io_buffered_fill(t->fast);
    gp_object_t *n = GP_SMALL_NEW(TEXT_CHUNK);
    gp_object_t *chunk = gp_object_call_method(t->buffer, "read", &n, 1);
    if (!chunk)
        return -1;
    const char *d = gp_bytes_data(chunk);
    if (!d) {
        if (chunk == gp_None) {
            GP_DECREF(chunk);
            return 0;
        }
        gp_err_format(&gp_exc_TypeError,
                      "underlying read() should have returned a bytes-like object, not '%T'",
                      chunk);
        GP_DECREF(chunk);
        return -1;
    }
    size_t len = gp_bytes_len(chunk);
    if (t->rpos > 0) {
        memmove(t->rbuf, t->rbuf + t->rpos, t->rlen - t->rpos);
        t->rlen -= t->rpos;
        t->rpos = 0;
    }
    if (t->rlen + len > t->rcap) {
        size_t ncap = (t->rlen + len) * 2;
        char *nb = gp_mem_realloc(t->rbuf, ncap);
        if (!nb) {
            GP_DECREF(chunk);
            gp_err_no_memory();
            return -1;
        }
        t->rbuf = nb;
        t->rcap = ncap;
    }
    memcpy(t->rbuf + t->rlen, d, len);
    t->rlen += len;
    GP_DECREF(chunk);
    return (int64_t)len;
}

/* ------------------------------------------------------------------ */
/* Checks                                                               */
/* ------------------------------------------------------------------ */

static bool text_closed(io_text_t *t)
{
    if (t->fast)
        return gp_io_buffered_closed(t->fast);
    gp_object_t *c = gp_object_getattr_cstr(t->buffer, "closed");
    if (!c) {
        gp_err_clear();
        return false;
    }
    int r = gp_object_is_true(c);
    GP_DECREF(c);
    if (r < 0)
        gp_err_clear();
    return r > 0;
}

static int text_check_open(io_text_t *t)
{
    if (!t->buffer) {
        gp_err_set_string(&gp_exc_ValueError, "underlying buffer has been detached");
        return -1;
    }
    if (t->fast && t->fast->busy)
        gp_io_wait_idle(&t->fast->busy);
    if (text_closed(t)) {
        gp_io_closed_error();
        return -1;
    }
    return 0;
}

static int text_check_readable(io_text_t *t)
{
    if (text_check_open(t) < 0)
        return -1;
    if (t->fast && !t->fast->readable) {
        gp_io_unsupported("not readable");
        return -1;
    }
    if (t->fast && t->fast->wlen > 0 && gp_io_buffered_flush(t->fast) < 0)
        return -1;
    return 0;
}

static int text_check_writable(io_text_t *t)
{
    if (text_check_open(t) < 0)
        return -1;
    if (t->fast && !t->fast->writable) {
        gp_io_unsupported("not writable");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Decoding                                                             */
/* ------------------------------------------------------------------ */

/* Decodes [len] bytes at [p], translating "\r\n" and "\r" to "\n" first
   when [translate]. */
/* Is the wide stream big-endian? Before the BOM has been read, [p] (the
   start of the stream) says. */
static bool wide_big_endian(io_text_t *t, const char *p, size_t avail)
{
    const unsigned char *u = (const unsigned char *)p;
    if (t->read_codec == GP_CODEC_UTF16)
        return avail >= 2 && u[0] == 0xFE && u[1] == 0xFF;
    if (t->read_codec == GP_CODEC_UTF32)
        return avail >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF;
    return t->read_codec == GP_CODEC_UTF16BE || t->read_codec == GP_CODEC_UTF32BE;
}

/* The code unit at [p]. */
static uint32_t wide_unit_at(const char *p, int unit, bool big)
{
    const unsigned char *u = (const unsigned char *)p;
    if (unit == 2)
        return big ? (uint32_t)(u[0] << 8 | u[1]) : (uint32_t)(u[1] << 8 | u[0]);
    return big ? (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3]
               : (uint32_t)u[3] << 24 | (uint32_t)u[2] << 16 | (uint32_t)u[1] << 8 | u[0];
}

/* str.replace(old, new) for the newline translation of decoded text. */
static gp_object_t *text_replace(gp_object_t *s, const char *old, const char *new_)
{
    gp_object_t *args[2] = {gp_str_from_cstr(old), gp_str_from_cstr(new_)};
    gp_object_t *r = args[0] && args[1] ? gp_object_call_method(s, "replace", args, 2) : NULL;
    GP_XDECREF(args[0]);
    GP_XDECREF(args[1]);
    GP_DECREF(s);
    return r;
}

/* Decodes UTF-16/32 bytes, then translates newlines on the text. */
static gp_object_t *text_decode_wide(io_text_t *t, const char *p, size_t len, bool translate)
{
    int codec = t->read_codec;
    gp_object_t *r = gp_str_decode(p, len, gp_codec_name(codec), gp_str_utf8(t->errors), NULL);
    if (r && (codec == GP_CODEC_UTF16 || codec == GP_CODEC_UTF32) && len >= (size_t)t->wide_unit)
        t->read_codec = codec + (wide_big_endian(t, p, len) ? 2 : 1);
    if (r && translate && memchr(gp_str_utf8(r), '\r', gp_str_utf8_len(r))) {
        r = text_replace(r, "\r\n", "\n");
        if (r)
            r = text_replace(r, "\r", "\n");
    }
    return r;
}

static gp_object_t *text_decode(io_text_t *t, const char *p, size_t len, bool translate)
{
    if (t->wide_unit)
        return text_decode_wide(t, p, len, translate);
    const char *enc = gp_str_utf8(t->encoding), *err = gp_str_utf8(t->errors);
    if (!translate || !memchr(p, '\r', len)) {
        gp_utf8_check_t chk;
        if (t->utf8_strict && gp_utf8_check(p, len, false, &chk))
            return gp_str_new_trusted(p, len, chk.length, chk.ascii);
        return gp_str_decode(p, len, enc, err, NULL);
    }
    char *tmp = gp_mem_alloc(len + 1);
    if (!tmp) {
        gp_err_no_memory();
        return NULL;
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = p[i];
        if (c == '\r') {
            tmp[n++] = '\n';
            if (i + 1 < len && p[i + 1] == '\n')
                i++;
        } else {
            tmp[n++] = c;
        }
    }
    gp_object_t *r = gp_str_decode(tmp, n, enc, err, NULL);
    gp_mem_free(tmp);
    return r;
}

static bool text_is_utf8(io_text_t *t)
{
    return t->utf8;
}

/* Reads everything left. */
static gp_object_t *text_read_all(io_text_t *t)
{
    gp_object_t *rest = gp_object_call_method(t->buffer, "read", NULL, 0);
    if (!rest)
        return NULL;
    const char *d = gp_bytes_data(rest);
    if (!d) {
        GP_DECREF(rest);
        if (rest == gp_None)
            return gp_str_from_cstr("");
        gp_err_set_string(&gp_exc_TypeError, "underlying read() should have returned bytes");
        return NULL;
    }
    size_t n = gp_bytes_len(rest);
    gp_object_t *r;
    if (!t->fast && t->rlen > t->rpos) {
        /* Bytes we had read ahead come first. */
        size_t own = t->rlen - t->rpos;
        char *all = gp_mem_alloc(own + n + 1);
        if (!all) {
            GP_DECREF(rest);
            gp_err_no_memory();
            return NULL;
        }
        memcpy(all, t->rbuf + t->rpos, own);
        memcpy(all + own, d, n);
        t->rpos = t->rlen = 0;
        r = text_decode(t, all, own + n, t->readtranslate);
        gp_mem_free(all);
    } else {
        r = text_decode(t, d, n, t->readtranslate);
    }
    GP_DECREF(rest);
    return r;
}

/* Reads [n] characters (fewer at end of file). */
/* The byte length of the wide character at [pos] (a surrogate pair is one
   character; so is "\r\n" when translating), or 0 when more bytes are
   needed to tell. A BOM at the very start is counted with the character
   after it. */
static size_t wide_char_len(io_text_t *t, const char *p, size_t pos, size_t avail, bool eof)
{
    size_t unit = (size_t)t->wide_unit, len = unit;
    bool big = wide_big_endian(t, p, avail);
    if (pos == 0 && (t->read_codec == GP_CODEC_UTF16 || t->read_codec == GP_CODEC_UTF32) &&
        avail >= unit && wide_unit_at(p, (int)unit, big) == 0xFEFF)
        len += unit;
    if (pos + len > avail)
        return eof ? avail - pos : 0;
    uint32_t c = wide_unit_at(p + pos + len - unit, (int)unit, big);
    if ((unit == 2 && c >= 0xD800 && c < 0xDC00) || (c == '\r' && t->readtranslate)) {
        if (pos + len + unit > avail)
            return eof ? avail - pos : 0;
        uint32_t next = wide_unit_at(p + pos + len, (int)unit, big);
        if (c == '\r' ? next == '\n' : (next >= 0xDC00 && next < 0xE000))
            len += unit;
    }
    return len;
}

static gp_object_t *text_read_chars(io_text_t *t, intptr_t n)
{
    bool utf8 = text_is_utf8(t);
    size_t pos = 0;   /* bytes scanned */
    intptr_t chars = 0;
    bool eof = false;
    for (;;) {
        const unsigned char *p = (const unsigned char *)src_data(t);
        size_t avail = src_avail(t);
        while (t->wide_unit && chars < n && pos < avail) {
            size_t step = wide_char_len(t, (const char *)p, pos, avail, eof);
            if (!step)
                break;
            pos += step;
            chars++;
        }
        while (!t->wide_unit && chars < n && pos < avail) {
            unsigned char c = p[pos];
            size_t step = utf8 ? (size_t)gp_utf8_lead_len(c) : 1;
            if (c >= 0x80 && utf8 && (c & 0xC0) == 0x80)
                step = 1; /* a stray continuation byte: the decoder reports it */
            if (c == '\r' && t->readtranslate) {
                if (pos + 1 >= avail && !eof)
                    break; /* is it "\r\n"? look at the next byte first */
                if (pos + 1 < avail && p[pos + 1] == '\n')
                    step = 2;
            }
            if (pos + step > avail) {
                if (!eof)
                    break;
                step = avail - pos;
            }
            pos += step;
            chars++;
        }
        if (chars >= n || eof)
            break;
        int64_t got = src_fill(t);
        if (got < 0)
            return NULL;
        if (got == 0)
            eof = true;
    }
    gp_object_t *r = text_decode(t, src_data(t), pos, t->readtranslate);
    if (r)
        src_consume(t, pos);
    return r;
}

/* Finds the end of the first line in [p, p+avail), scanning from [from].
   Returns the byte count of the line with its terminator, 0 when no line
   end is in view yet (or when a '\r' at the very end needs the next byte,
   unless [eof]). */
static size_t text_find_eol_wide(io_text_t *t, const char *p, size_t avail, size_t from, bool eof)
{
    size_t unit = (size_t)t->wide_unit;
    bool big = wide_big_endian(t, p, avail);
    const char *nl = t->readnl;
    for (size_t i = from - from % unit; i + unit <= avail; i += unit) {
        uint32_t c = wide_unit_at(p + i, (int)unit, big);
        if (c == '\n' && (!nl || nl[0] == '\n'))
            return i + unit;
        if (c != '\r' || (nl && nl[0] == '\n'))
            continue;
        if (nl && nl[1] == '\0')
            return i + unit; /* newline='\r' */
        if (i + 2 * unit > avail)
            return eof && !nl ? i + unit : 0;
        if (wide_unit_at(p + i + unit, (int)unit, big) == '\n')
            return i + 2 * unit;
        if (!nl)
            return i + unit;
    }
    return 0;
}

static size_t text_find_eol(io_text_t *t, const char *p, size_t avail, size_t from, bool eof)
{
    if (from >= avail)
        return 0;
    if (t->wide_unit)
        return text_find_eol_wide(t, p, avail, from, eof);
    if (!t->readnl) {
        const char *nl = memchr(p + from, '\n', avail - from);
        size_t upto = nl ? (size_t)(nl - p) : avail;
        const char *cr = memchr(p + from, '\r', upto - from);
        if (cr) {
            size_t at = (size_t)(cr - p);
            if (at + 1 < avail)
                return at + 1 + (p[at + 1] == '\n');
            return eof ? at + 1 : 0;
        }
        return nl ? upto + 1 : 0;
    }
    if (t->readnl[1] == '\0') {
        const char *e = memchr(p + from, t->readnl[0], avail - from);
        return e ? (size_t)(e - p) + 1 : 0;
    }
    /* "\r\n": start one back in case the '\r' ended the previous window. */
    size_t start = from > 0 ? from - 1 : 0;
    const char *e = memmem(p + start, avail - start, "\r\n", 2);
    return e ? (size_t)(e - p) + 2 : 0;
}

/* One line; at most [limit] characters when limit >= 0. */
static gp_object_t *text_readline(io_text_t *t, intptr_t limit)
{
    size_t scanned = 0, end;
    bool eof = false;
    for (;;) {
        const char *p = src_data(t);
        size_t avail = src_avail(t);
        end = text_find_eol(t, p, avail, scanned, eof);
        if (end)
            break;
        if (eof) {
            end = avail;
            break;
        }
        if (limit >= 0 && (intptr_t)avail >= limit * 4 + 4)
            break; /* enough bytes for [limit] characters of any codec */
        /* Keep a trailing '\r' (or the first byte of "\r\n") for the next look. */
        scanned = avail > 0 ? avail - 1 : 0;
        int64_t got = src_fill(t);
        if (got < 0)
            return NULL;
        if (got == 0)
            eof = true;
    }
    if (!end)
        end = src_avail(t);
    const char *p = src_data(t);
    if (limit >= 0) {
        /* Cut the line to [limit] characters. */
        bool utf8 = text_is_utf8(t);
        size_t pos = 0;
        intptr_t chars = 0;
        while (t->wide_unit && pos < end && chars < limit) {
            size_t step = wide_char_len(t, p, pos, end, true);
            pos += step ? step : end - pos;
            chars++;
        }
        while (!t->wide_unit && pos < end && chars < limit) {
            unsigned char c = (unsigned char)p[pos];
            size_t step = utf8 && (c & 0xC0) != 0x80 ? (size_t)gp_utf8_lead_len(c) : 1;
            if (c == '\r' && t->readtranslate && pos + 1 < end && p[pos + 1] == '\n')
                step = 2;
            pos += step;
            chars++;
        }
        if (pos > end)
            pos = end;
        end = pos;
    }
    gp_object_t *r = text_decode(t, p, end, t->readtranslate);
    if (r)
        src_consume(t, end);
    return r;
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */
/* ------------------------------------------------------------------ */

/* Writes [s] (a str); returns its length in characters or -1. */
/* Encodes [s] for a wide codec, newlines translated first. Only the first
   write at the start of the stream carries the BOM. */
static gp_object_t *text_encode_wide(io_text_t *t, gp_object_t *s)
{
    int codec = t->write_codec;
    if ((codec == GP_CODEC_UTF16 || codec == GP_CODEC_UTF32) && t->fast &&
        gp_io_buffered_tell(t->fast) > 0)
        codec++; /* appending to existing text: no second BOM */
    gp_object_t *text = GP_INCREF(s);
    if (t->writenl && memchr(gp_str_utf8(s), '\n', gp_str_utf8_len(s)))
        text = text_replace(text, "\n", t->writenl);
    gp_object_t *r = text ? gp_str_encode(text, gp_codec_name(codec), gp_str_utf8(t->errors))
                          : NULL;
    GP_XDECREF(text);
    if (r && (codec == GP_CODEC_UTF16 || codec == GP_CODEC_UTF32))
        codec++; /* the BOM said little-endian */
    if (r)
        t->write_codec = codec;
    return r;
}

static intptr_t text_write_str(io_text_t *t, gp_object_t *s)
{
    const char *enc = gp_str_utf8(t->encoding);
    gp_object_t *encoded = NULL;
    const char *data = gp_str_utf8(s);
    size_t len = gp_str_utf8_len(s);
    if (t->wide_unit) {
        encoded = text_encode_wide(t, s);
        if (!encoded)
            return -1;
        data = gp_bytes_data(encoded);
        len = gp_bytes_len(encoded);
    }
    /* The internal form is UTF-8 and may hold surrogates, which only the
       codec can accept or refuse. */
    if (!encoded && !gp_str_is_ascii(s) && (!text_is_utf8(t) || memchr(data, '\xed', len))) {
        encoded = gp_str_encode(s, enc, gp_str_utf8(t->errors));
        if (!encoded)
            return -1;
        data = gp_bytes_data(encoded);
        len = gp_bytes_len(encoded);
    }
    char *translated = NULL;
    bool has_nl = memchr(data, '\n', len) != NULL;
    if (t->writenl && has_nl && !t->wide_unit) {
        size_t nl_len = strlen(t->writenl), count = 0;
        for (size_t i = 0; i < len; i++)
            count += data[i] == '\n';
        translated = gp_mem_alloc(len + count * (nl_len - 1) + 1);
        if (!translated) {
            GP_XDECREF(encoded);
            gp_err_no_memory();
            return -1;
        }
        size_t n = 0;
        for (size_t i = 0; i < len; i++) {
            if (data[i] == '\n') {
                memcpy(translated + n, t->writenl, nl_len);
                n += nl_len;
            } else {
                translated[n++] = data[i];
            }
        }
        data = translated;
        len = n;
    }
    int rc = 0;
    if (t->fast) {
        rc = gp_io_buffered_write_bytes(t->fast, data, len);
        if (rc == 0 && (t->write_through ||
                        (t->line_buffering && (has_nl || memchr(data, '\r', len)))))
            rc = gp_io_buffered_flush(t->fast);
    } else {
        t->rpos = t->rlen = 0;
        gp_object_t *b = gp_bytes_new(data, len);
        gp_object_t *r = b ? gp_object_call_method(t->buffer, "write", &b, 1) : NULL;
        GP_XDECREF(b);
        if (!r)
            rc = -1;
        GP_XDECREF(r);
        if (rc == 0 && t->line_buffering && (has_nl || memchr(data, '\r', len))) {
            r = gp_object_call_method(t->buffer, "flush", NULL, 0);
            if (!r)
                rc = -1;
            GP_XDECREF(r);
        }
    }
    gp_mem_free(translated);
    GP_XDECREF(encoded);
    return rc < 0 ? -1 : gp_str_length(s);
}

static int text_flush(io_text_t *t)
{
    if (t->fast)
        return t->fast->wlen > 0 ? gp_io_buffered_flush(t->fast) : 0;
    gp_object_t *r = gp_object_call_method(t->buffer, "flush", NULL, 0);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

static int text_close(io_text_t *t)
{
    if (!t->buffer || text_closed(t))
        return 0;
    if (t->fast)
        return gp_io_buffered_close(t->fast);
    int rc = text_flush(t);
    gp_object_t *exc = rc < 0 ? gp_err_fetch() : NULL;
    gp_object_t *r = gp_object_call_method(t->buffer, "close", NULL, 0);
    if (!r)
        rc = -1;
    GP_XDECREF(r);
    if (exc) {
        gp_err_clear();
        gp_err_restore(exc);
    }
    return rc;
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *text_read(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    io_text_t *t = TEXT(self);
    intptr_t n = -1;
    if (gp_args_check("read", nargs, kwnames, 0, 1) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &n) < 0 || text_check_readable(t) < 0)
        return NULL;
    if (n < 0)
        return text_read_all(t);
    return text_read_chars(t, n);
}

static gp_object_t *text_readline_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames)
{
    io_text_t *t = TEXT(self);
    intptr_t limit = -1;
    if (gp_args_check("readline", nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (nargs && args[0] != gp_None && !gp_int_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                      args[0]);
        return NULL;
    }
    if (gp_io_size_arg(nargs ? args[0] : NULL, &limit) < 0 || text_check_readable(t) < 0)
        return NULL;
    return text_readline(t, limit);
}

static gp_object_t *text_readlines(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    io_text_t *t = TEXT(self);
    intptr_t hint = -1;
    if (gp_args_check("readlines", nargs, kwnames, 0, 1) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &hint) < 0 || text_check_readable(t) < 0)
        return NULL;
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    intptr_t total = 0;
    for (;;) {
        gp_object_t *line = text_readline(t, -1);
        if (!line) {
            GP_DECREF(list);
            return NULL;
        }
        intptr_t n = gp_str_length(line);
        if (n == 0) {
            GP_DECREF(line);
            break;
        }
        int rc = gp_list_append(list, line);
        GP_DECREF(line);
        if (rc < 0) {
            GP_DECREF(list);
            return NULL;
        }
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
}

static gp_object_t *text_write(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    io_text_t *t = TEXT(self);
    if (gp_args_check("write", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "write() argument must be str, not %T", args[0]);
        return NULL;
    }
    if (text_check_writable(t) < 0)
        return NULL;
    intptr_t n = text_write_str(t, args[0]);
    return n < 0 ? NULL : gp_int_from_i64(n);
}

static gp_object_t *text_writelines(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    io_text_t *t = TEXT(self);
    if (gp_args_check("writelines", nargs, kwnames, 1, 1) < 0 || text_check_writable(t) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(args[0]);
    if (!it)
        return NULL;
    gp_object_t *line;
    while ((line = gp_iter_next(it)) != NULL) {
        intptr_t rc;
        if (!gp_str_check(line)) {
            gp_err_format(&gp_exc_TypeError, "write() argument must be str, not %T", line);
            rc = -1;
        } else {
            rc = text_write_str(t, line);
        }
        GP_DECREF(line);
        if (rc < 0) {
            GP_DECREF(it);
            return NULL;
        }
    }
    GP_DECREF(it);
    if (gp_err_occurred())
        return NULL;
    return gp_none_new();
}

static gp_object_t *text_flush_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    io_text_t *t = TEXT(self);
    if (gp_args_check("flush", nargs, kwnames, 0, 0) < 0 || text_check_open(t) < 0 ||
        text_flush(t) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *text_close_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    io_text_t *t = TEXT(self);
    if (!t->buffer) {
        gp_err_set_string(&gp_exc_ValueError, "underlying buffer has been detached");
        return NULL;
    }
    if (text_close(t) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *text_tell(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    io_text_t *t = TEXT(self);
    if (gp_args_check("tell", nargs, kwnames, 0, 0) < 0 || text_check_open(t) < 0)
        return NULL;
    if (t->fast) {
        int64_t pos = gp_io_buffered_tell(t->fast);
        return pos < 0 ? NULL : gp_int_from_i64(pos);
    }
    if (text_flush(t) < 0)
        return NULL;
    gp_object_t *pos = gp_object_call_method(t->buffer, "tell", NULL, 0);
    if (!pos || t->rlen == t->rpos)
        return pos;
    int64_t p = gp_int_as_i64(pos);
    GP_DECREF(pos);
    if (p == -1 && gp_err_occurred())
        return NULL;
    return gp_int_from_i64(p - (int64_t)(t->rlen - t->rpos));
}

static gp_object_t *text_seek(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    io_text_t *t = TEXT(self);
    if (gp_args_check("seek", nargs, kwnames, 1, 2) < 0 || text_check_open(t) < 0)
        return NULL;
    if (!gp_int_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "an integer is required (got type %T)", args[0]);
        return NULL;
    }
    int64_t cookie = gp_int_as_i64(args[0]);
    int64_t whence = nargs > 1 ? gp_int_as_i64(args[1]) : 0;
    if (gp_err_occurred())
        return NULL;
    if (whence == 1 && cookie != 0)
        return gp_io_unsupported("can't do nonzero cur-relative seeks");
    if (whence == 2 && cookie != 0)
        return gp_io_unsupported("can't do nonzero end-relative seeks");
    if (whence < 0 || whence > 2) {
        gp_err_format(&gp_exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)",
                      (long long)whence);
        return NULL;
    }
    if (whence == 0 && cookie < 0) {
        gp_err_format(&gp_exc_ValueError, "negative seek position %lld", (long long)cookie);
        return NULL;
    }
    if (whence == 1) {
        /* seek(0, 1) is tell(). */
        return text_tell(self, NULL, 0, NULL);
    }
    if (text_flush(t) < 0)
        return NULL;
    if (t->fast) {
        int64_t pos = gp_io_buffered_seek(t->fast, cookie, (int)whence);
        return pos < 0 ? NULL : gp_int_from_i64(pos);
    }
    t->rpos = t->rlen = 0;
    gp_object_t *a[2] = {gp_int_from_i64(cookie), GP_SMALL_NEW(whence)};
    if (!a[0])
        return NULL;
    gp_object_t *r = gp_object_call_method(t->buffer, "seek", a, 2);
    GP_DECREF(a[0]);
    return r;
}

static gp_object_t *text_truncate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    io_text_t *t = TEXT(self);
    if (gp_args_check("truncate", nargs, kwnames, 0, 1) < 0 || text_check_open(t) < 0 ||
        text_flush(t) < 0)
        return NULL;
    gp_object_t *pos = nargs ? args[0] : NULL;
    return gp_object_call_method(t->buffer, "truncate", &pos, pos ? 1 : 0);
}

static gp_object_t *text_detach(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    io_text_t *t = TEXT(self);
    if (gp_args_check("detach", nargs, kwnames, 0, 0) < 0 || text_check_open(t) < 0 ||
        text_flush(t) < 0)
        return NULL;
    gp_object_t *b = t->buffer;
    t->buffer = NULL;
    t->fast = NULL;
    return b;
}

/* fileno, isatty, seekable, readable, writable: asked of the buffer. */
static gp_object_t *text_forward(gp_object_t *self, size_t nargs, gp_object_t *kwnames,
                                 const char *name)
{
    io_text_t *t = TEXT(self);
    if (gp_args_check(name, nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (!t->buffer) {
        gp_err_set_string(&gp_exc_ValueError, "underlying buffer has been detached");
        return NULL;
    }
    /* The buffer (and its raw stream) report a closed file in their words. */
    return gp_object_call_method(t->buffer, name, NULL, 0);
}

static gp_object_t *text_fileno(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return text_forward(self, nargs, kwnames, "fileno");
}

static gp_object_t *text_isatty(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return text_forward(self, nargs, kwnames, "isatty");
}

static gp_object_t *text_seekable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return text_forward(self, nargs, kwnames, "seekable");
}

static gp_object_t *text_readable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return text_forward(self, nargs, kwnames, "readable");
}

static gp_object_t *text_writable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return text_forward(self, nargs, kwnames, "writable");
}

static gp_object_t *text_enter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (text_check_open(TEXT(self)) < 0)
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *text_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    /* Through the attribute, as CPython's IOBase.__exit__: a subclass's
       close() runs. */
    return gp_object_call_method(self, "close", NULL, 0);
}

static const gp_method_def_t text_methods[] = {
    {"read", text_read, 0, "Read at most size characters from stream."},
    {"readline", text_readline_method, 0, "Read until newline or EOF."},
    {"readlines", text_readlines, 0, "Return a list of lines from the stream."},
    {"write", text_write, 0, "Write string s to stream; return the number of characters."},
    {"writelines", text_writelines, 0, "Write a list of lines to stream."},
    {"flush", text_flush_method, 0, NULL},
    {"close", text_close_method, 0, NULL},
    {"tell", text_tell, 0, "Return the stream position as an opaque number."},
    {"seek", text_seek, 0, "Set the stream position."},
    {"truncate", text_truncate, 0, NULL},
    {"detach", text_detach, 0, "Separate the underlying buffer from the TextIOBase."},
    {"fileno", text_fileno, 0, NULL},
    {"isatty", text_isatty, 0, NULL},
    {"seekable", text_seekable, 0, NULL},
    {"readable", text_readable, 0, NULL},
    {"writable", text_writable, 0, NULL},
    {"__enter__", text_enter, 0, NULL},
    {"__exit__", text_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------ */
/* Attributes                                                           */
/* ------------------------------------------------------------------ */

static gp_object_t *text_get_closed(gp_object_t *self, void *closure)
{
    io_text_t *t = TEXT(self);
    if (!t->buffer) {
        gp_err_set_string(&gp_exc_ValueError, "underlying buffer has been detached");
        return NULL;
    }
    if (t->fast)
        return gp_bool_from(gp_io_buffered_closed(t->fast));
    return gp_object_getattr_cstr(t->buffer, "closed");
}

static gp_object_t *text_get_name(gp_object_t *self, void *closure)
{
    io_text_t *t = TEXT(self);
    if (!t->buffer) {
        gp_err_set_string(&gp_exc_ValueError, "underlying buffer has been detached");
        return NULL;
    }
    return gp_object_getattr_cstr(t->buffer, "name");
}

static gp_object_t *text_get_buffer(gp_object_t *self, void *closure)
{
    io_text_t *t = TEXT(self);
    if (!t->buffer) {
        gp_err_set_string(&gp_exc_ValueError, "underlying buffer has been detached");
        return NULL;
    }
    return GP_INCREF(t->buffer);
}

/* A subclass instance whose __init__ has not set the wrapper up yet. */
static gp_object_t *text_uninitialized(void)
{
    gp_err_set_string(&gp_exc_ValueError, "I/O operation on uninitialized object");
    return NULL;
}

static gp_object_t *text_get_encoding(gp_object_t *self, void *closure)
{
    /* CPython answers None here rather than raising. */
    gp_object_t *encoding = TEXT(self)->encoding;
    return encoding ? GP_INCREF(encoding) : gp_none_new();
}

static gp_object_t *text_get_errors(gp_object_t *self, void *closure)
{
    gp_object_t *errors = TEXT(self)->errors;
    return errors ? GP_INCREF(errors) : text_uninitialized();
}

static gp_object_t *text_get_line_buffering(gp_object_t *self, void *closure)
{
    return gp_bool_from(TEXT(self)->line_buffering);
}

static gp_object_t *text_get_write_through(gp_object_t *self, void *closure)
{
    return gp_bool_from(TEXT(self)->write_through);
}

static gp_object_t *text_get_newlines(gp_object_t *self, void *closure)
{
    return gp_none_new();
}

static gp_object_t *text_get_mode(gp_object_t *self, void *closure)
{
    io_text_t *t = TEXT(self);
    if (!t->mode) {
        gp_err_format(&gp_exc_AttributeError, "'%T' object has no attribute 'mode'", self);
        return NULL;
    }
    return GP_INCREF(t->mode);
}

static int text_set_mode(gp_object_t *self, gp_object_t *value, void *closure)
{
    GP_SETREF(TEXT(self)->mode, GP_XINCREF(value));
    return 0;
}

static const gp_getset_def_t text_getsets[] = {
    {"closed", text_get_closed, NULL, NULL, NULL},
    {"name", text_get_name, NULL, NULL, NULL},
    {"buffer", text_get_buffer, NULL, NULL, NULL},
    {"encoding", text_get_encoding, NULL, NULL, "Encoding of the text stream."},
    {"errors", text_get_errors, NULL, NULL, "The error setting of the decoder or encoder."},
    {"line_buffering", text_get_line_buffering, NULL, NULL, NULL},
    {"write_through", text_get_write_through, NULL, NULL, NULL},
    {"newlines", text_get_newlines, NULL, NULL, NULL},
    {"mode", text_get_mode, text_set_mode, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------ */
/* Slots and construction                                               */
/* ------------------------------------------------------------------ */

static gp_object_t *text_iter(gp_object_t *self)
{
    if (text_check_open(TEXT(self)) < 0)
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *text_iternext(gp_object_t *self)
{
    io_text_t *t = TEXT(self);
    if (text_check_readable(t) < 0)
        return NULL;
    gp_object_t *line = text_readline(t, -1);
    if (line && gp_str_utf8_len(line) == 0) {
        GP_DECREF(line);
        return NULL;
    }
    return line;
}

static gp_object_t *text_repr(gp_object_t *self)
{
    io_text_t *t = TEXT(self);
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_strbuf_append_cstr(&b, "<_io.TextIOWrapper");
    gp_object_t *name = t->buffer ? gp_object_getattr_cstr(t->buffer, "name") : NULL;
    if (!name) {
        gp_err_clear();
    } else {
        gp_object_t *r = gp_object_repr(name);
        GP_DECREF(name);
        if (!r) {
            gp_strbuf_discard(&b);
            return NULL;
        }
        gp_strbuf_append_cstr(&b, " name=");
        gp_strbuf_append_str(&b, r);
        GP_DECREF(r);
    }
    if (t->mode) {
        gp_object_t *r = gp_object_repr(t->mode);
        if (!r) {
            gp_strbuf_discard(&b);
            return NULL;
        }
        gp_strbuf_append_cstr(&b, " mode=");
        gp_strbuf_append_str(&b, r);
        GP_DECREF(r);
    }
    gp_object_t *enc = t->encoding ? gp_object_repr(t->encoding) : text_uninitialized();
    if (!enc) {
        gp_strbuf_discard(&b);
        return NULL;
    }
    gp_strbuf_append_cstr(&b, " encoding=");
    gp_strbuf_append_str(&b, enc);
    GP_DECREF(enc);
    gp_strbuf_append_char(&b, '>');
    return gp_strbuf_finish(&b);
}

static void text_dealloc(gp_object_t *self)
{
    io_text_t *t = TEXT(self);
    if (t->buffer) {
        gp_object_t *saved = gp_err_fetch();
        GP_INCREF(self);
        if (text_close(t) < 0)
            gp_err_clear();
        self->refcnt--;
        gp_err_restore(saved);
    }
    GP_XDECREF(t->buffer);
    GP_XDECREF(t->encoding);
    GP_XDECREF(t->errors);
    GP_XDECREF(t->mode);
    gp_mem_free(t->rbuf);
    gp_object_free(self);
}

/* Fills in a freshly allocated wrapper. 0 or -1. */
static int text_setup(io_text_t *t, gp_object_t *buffer, gp_object_t *encoding,
                      gp_object_t *errors, gp_object_t *newline, bool line_buffering,
                      bool write_through)
{
    if (encoding && encoding != gp_None && !gp_str_check(encoding)) {
        gp_err_format(&gp_exc_TypeError,
                      "TextIOWrapper() argument 'encoding' must be str or None, not %T", encoding);
        return -1;
    }
    if (errors && errors != gp_None && !gp_str_check(errors)) {
        gp_err_format(&gp_exc_TypeError,
                      "TextIOWrapper() argument 'errors' must be str or None, not %T", errors);
        return -1;
    }
    if (newline && newline != gp_None) {
        if (!gp_str_check(newline)) {
            gp_err_format(&gp_exc_TypeError,
                          "TextIOWrapper() argument 'newline' must be str or None, not %T",
                          newline);
            return -1;
        }
        const char *nl = gp_str_utf8(newline);
        size_t len = gp_str_utf8_len(newline);
        if (!(len == 0 || strcmp(nl, "\n") == 0 || strcmp(nl, "\r") == 0 ||
              strcmp(nl, "\r\n") == 0) ||
            strlen(nl) != len) {
            gp_err_format(&gp_exc_ValueError, "illegal newline value: %U", newline);
            return -1;
        }
        /* Static spellings: the wrapper may outlive [newline]. */
        const char *fixed = len == 0 ? "" : nl[0] == '\n' ? "\n" : nl[1] ? "\r\n" : "\r";
        t->readnl = len == 0 ? NULL : fixed;
        t->readtranslate = false;
        t->writenl = len == 0 || fixed[0] == '\n' ? NULL : fixed;
    } else {
        t->readnl = NULL;
        t->readtranslate = true;
        t->writenl = NULL;
    }
    t->utf8 = true;
    if (encoding && encoding != gp_None) {
        int codec = gp_codec_lookup(gp_str_utf8(encoding));
        if (codec < 0)
            return -1;
        t->utf8 = codec == 0;
        t->wide_unit = codec >= GP_CODEC_UTF32 ? 4 : codec >= GP_CODEC_UTF16 ? 2 : 0;
        t->read_codec = t->write_codec = codec;
        t->encoding = GP_INCREF(encoding);
    } else {
        /* What CPython reports under a UTF-8 locale. */
        t->encoding = gp_str_from_cstr("UTF-8");
        if (!t->encoding)
            return -1;
    }
    if (errors && errors != gp_None) {
        t->errors = GP_INCREF(errors);
    } else {
        t->errors = gp_str_from_cstr("strict");
        if (!t->errors)
            return -1;
    }
    t->utf8_strict = t->utf8 && gp_str_eq_cstr(t->errors, "strict");
    t->buffer = GP_INCREF(buffer);
    t->fast = gp_io_buffered_check(buffer) ? (gp_io_buffered_t *)buffer : NULL;
    t->line_buffering = line_buffering;
    t->write_through = write_through;
    return 0;
}

gp_object_t *gp_io_text_new(gp_object_t *buffer, gp_object_t *encoding, gp_object_t *errors,
                            gp_object_t *newline, bool line_buffering)
{
    gp_object_t *o = gp_object_alloc(&gp_io_textiowrapper_type, 0);
    if (!o)
        return NULL;
    if (text_setup(TEXT(o), buffer, encoding, errors, newline, line_buffering, false) < 0) {
        GP_DECREF(o);
        return NULL;
    }
    return o;
}

/* Parses TextIOWrapper's arguments and sets up [o]. 0 or -1. */
static int text_parse_and_setup(gp_object_t *o, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"buffer",         "encoding",      "errors", "newline",
                                        "line_buffering", "write_through", NULL};
    gp_object_t *v[6];
    if (gp_args_parse("TextIOWrapper", args, nargs, kwnames, names, 1, v) < 0)
        return -1;
    int lb = v[4] ? gp_object_is_true(v[4]) : 0, wt = v[5] ? gp_object_is_true(v[5]) : 0;
    if (lb < 0 || wt < 0)
        return -1;
    return text_setup(TEXT(o), v[0], v[1], v[2], v[3], lb, wt);
}

static int text_init_slot(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                          gp_object_t *kwnames);

/* The wrapper is set up here, from the constructor's arguments, unless a
   subclass defines its own __init__: that one may take other arguments,
   and sets the wrapper up by calling TextIOWrapper.__init__ (the init
   slot below). Until then the object behaves as a detached one. */
static gp_object_t *text_new_slot(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    bool own_init = type->init != text_init_slot;
    gp_object_t *o = gp_object_alloc(type, 0);
    if (!o)
        return NULL;
    if (!own_init && text_parse_and_setup(o, args, nargs, kwnames) < 0) {
        GP_DECREF(o);
        return NULL;
    }
    return o;
}

static int text_init_slot(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                          gp_object_t *kwnames)
{
    /* Already set up by text_new_slot (the usual TextIOWrapper(...) call). */
    if (TEXT(self)->encoding)
        return 0;
    return text_parse_and_setup(self, args, nargs, kwnames);
}

gp_type_t gp_io_textiowrapper_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_io.TextIOWrapper",
    .basicsize = sizeof(io_text_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .base_type = &gp_io_textiobase_type,
    .dealloc = text_dealloc,
    .new_ = text_new_slot,
    .init = text_init_slot,
    .repr = text_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .setattr = gp_object_generic_setattr,
    .iter = text_iter,
    .iternext = text_iternext,
    .methods = text_methods,
    .getsets = text_getsets,
    .doc = "Character and line based layer over a BufferedIOBase object, buffer.",
};
