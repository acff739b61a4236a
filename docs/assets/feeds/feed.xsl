<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an RSS 2.0 or Atom 1.0 feed of the site as a readable Vietnamese page when a
  citizen opens it in a browser (feed readers ignore it). The feeds point here with
  <?xml-stylesheet?>; this file and feed.css are served by the site itself.
  Written by hooks/cchc/feeds/feedset.py; a copy ships with the hooks for sites without one.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>

  <xsl:variable name="months" select="'JanFebMarAprMayJunJulAugSepOctNovDec'"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
    <xsl:variable name="self" select="rss/channel/atom:link[@rel='self']/@href | atom:feed/atom:link[@rel='self']/@href"/>
    <xsl:variable name="page" select="rss/channel/link | atom:feed/atom:link[@rel='alternate']/@href"/>
    <html lang="vi">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Nguồn tin: <xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="../assets/feeds/feed.css"/>
      </head>
      <body>
        <main>
          <p class="notice">
            Đây là <strong>nguồn tin</strong>
            (<xsl:choose><xsl:when test="rss">RSS</xsl:when><xsl:otherwise>Atom</xsl:otherwise></xsl:choose>):
            trang này tự cập nhật khi có tin mới. Để theo dõi, hãy sao chép địa chỉ dưới đây
            vào ứng dụng đọc tin (RSS reader) của bạn.
          </p>
          <p class="address"><code><xsl:value-of select="$self"/></code></p>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="description">
            <xsl:value-of select="rss/channel/description | atom:feed/atom:subtitle"/>
          </p>
          <p><a href="{$page}">Xem trên trang web</a> · <a href="../nguon-tin/">Tất cả nguồn tin</a></p>
          <xsl:choose>
            <xsl:when test="rss/channel/item | atom:feed/atom:entry">
              <ol class="entries">
                <xsl:apply-templates select="rss/channel/item | atom:feed/atom:entry"/>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p class="empty">Chưa có tin, bài nào trong nguồn tin này.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <p class="date">
        <xsl:call-template name="rfc822-date"><xsl:with-param name="value" select="pubDate"/></xsl:call-template>
      </p>
      <p><xsl:value-of select="description"/></p>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h2><a href="{atom:link[not(@rel) or @rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <p class="date">
        <xsl:variable name="d" select="atom:published | atom:updated[not(../atom:published)]"/>
        <xsl:value-of select="concat(substring($d, 9, 2), '/', substring($d, 6, 2), '/', substring($d, 1, 4))"/>
        <xsl:if test="atom:author/atom:name"> · <xsl:value-of select="atom:author/atom:name"/></xsl:if>
      </p>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>

  <!-- "Thu, 05 Nov 2026 08:30:00 +0700" -> "05/11/2026" -->
  <xsl:template name="rfc822-date">
    <xsl:param name="value"/>
    <xsl:variable name="month" select="substring($value, 9, 3)"/>
    <xsl:variable name="number" select="string-length(substring-before($months, $month)) div 3 + 1"/>
    <xsl:value-of select="concat(substring($value, 6, 2), '/', format-number($number, '00'), '/', substring($value, 13, 4))"/>
  </xsl:template>
</xsl:stylesheet>
