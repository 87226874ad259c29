#!/usr/bin/env python3
"""Writes chromium-format.html: bookmarks in exactly the bytes Chromium's exporter writes.

Chromium has no headless or command-line export (its exporter runs behind the bookmark manager's
file dialog), so this file is written by hand after the exporter's source,
chrome/browser/bookmarks/bookmark_html_writer.cc: its header lines, CRLF line ends, four-space
indents, `<DT><H3 ADD_DATE=".." LAST_MODIFIED="..">` folders (PERSONAL_TOOLBAR_FOLDER="true" on
the bookmark bar, whose title is the localised "Bookmarks bar"; the "Other bookmarks" folder is not
written, its children are siblings of the bar), `<DT><A HREF=".." ADD_DATE=".." ICON="data:..">`
bookmarks, HREF values with only `"` escaped (a bare `&` stays bare), and titles escaped like
base::EscapeForHTML (& < > " ' as &amp; &lt; &gt; &quot; &#39;). URLs are given as GURL
serialises them (lower-case host). Usage: make_chromium_format.py > chromium-format.html
"""
import base64
import struct
import sys
import zlib

NL = "\r\n"


def png_1x1():
    def chunk(kind, data):
        body = struct.pack(">I", len(data)) + kind + data
        return body + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x99\x00\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


ICON = "data:image/png;base64," + base64.b64encode(png_1x1()).decode()


def content(text):
    for old, new in [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;")]:
        text = text.replace(old, new)
    return text


def bookmark(indent, href, date, title, icon=None):
    line = " " * indent + '<DT><A HREF="' + href.replace('"', "&quot;") + '" ADD_DATE="' + date
    if icon:
        line += '" ICON="' + icon.replace('"', "&quot;")
    return line + '">' + content(title) + "</A>" + NL


def folder(indent, added, modified, title, bar=False):
    line = " " * indent + '<DT><H3 ADD_DATE="' + added + '" LAST_MODIFIED="' + modified
    line += '" PERSONAL_TOOLBAR_FOLDER="true">' if bar else '">'
    return line + content(title) + "</H3>" + NL + " " * indent + "<DL><p>" + NL


def folder_end(indent):
    return " " * indent + "</DL><p>" + NL


out = (
    "<!DOCTYPE NETSCAPE-Bookmark-file-1>" + NL
    + "<!-- This is an automatically generated file." + NL
    + "     It will be read and overwritten." + NL
    + "     DO NOT EDIT! -->" + NL
    + '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">' + NL
    + "<TITLE>Bookmarks</TITLE>" + NL
    + "<H1>Bookmarks</H1>" + NL
    + "<DL><p>" + NL
)
out += folder(4, "1732900000", "1732900300", "Bookmarks bar", bar=True)
out += bookmark(8, "https://111122223333.signin.aws.amazon.com/console", "1732900001", "Dev sign-in", ICON)
out += bookmark(8, "https://111122223333.signin.aws.amazon.com/console?region=us-east-2", "1732900002", "Dev Ohio")
out += folder(8, "1732900010", "1732900200", "AWS")
out += bookmark(12, "https://myalias.signin.aws.amazon.com/console", "1732900011", "Prod sign-in", ICON)
out += bookmark(12, "https://signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome&client_id=arn%3Aaws%3Asignin%3A%3A%3Aconsole%2Fcanvas&forceMobileApp=0", "1732900012", "Amazon Web Services Sign-In")
out += bookmark(12, "https://signin.aws.amazon.com/federation?Action=login&Issuer=example.com&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&SigninToken=VERYSECRETTOKEN123", "1732900013", "Federated (token)")
out += bookmark(12, "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:", "1732900014", "EC2 (multi-session)")
out += bookmark(12, "http://myalias.signin.aws.amazon.com/console/", "1732900015", "Prod (http, trailing slash)")
out += bookmark(12, "https://myalias.signin.aws.amazon.com/console?region=eu-west-1", "1732900016", "Prod Ireland")
out += bookmark(12, "https://signin.aws.amazon.com.evil.example/console", "1732900017", "Phish")
out += folder_end(8)
out += folder_end(4)
out += bookmark(4, "https://www.example.com/?a=1&b=2", "1732900100", "Example <> \"quoted\" & it's \u2014 \u00fcn\u00efcode")
out += "</DL><p>" + NL
sys.stdout.buffer.write(out.encode("utf-8"))
