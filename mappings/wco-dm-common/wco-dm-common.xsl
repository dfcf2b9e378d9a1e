<?xml version="1.0" encoding="UTF-8"?>
<!--
  Functions shared by the WCO Data Model stylesheets (wco-dm-dec, wco-dm-res): UN/EDIFACT 2379
  date-time strings to and from XML Schema dates. Namespace-neutral: element names are matched by
  local name where a function reads them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:wco="urn:wco-ecom-adapter:wco-dm-common"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <!-- a WCO DateTimeType element (holding DateTimeString) as an xs:date or xs:dateTime lexical form -->
  <xsl:function name="wco:iso" as="xs:string">
    <xsl:param name="container" as="element()"/>
    <xsl:variable name="s" select="$container/*:DateTimeString"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:variable name="iso" select="
        if ($s/@formatCode = '102') then replace($t, '^(\d{4})(\d{2})(\d{2})$', '$1-$2-$3')
        else if ($s/@formatCode = '204') then replace($t, '^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$', '$1-$2-$3T$4:$5:$6')
        else replace(replace($t, '^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})', '$1-$2-$3T$4:$5:$6'), '([+\-])(\d{2})(\d{2})$', '$1$2:$3')"/>
    <xsl:sequence select="if (($s/@formatCode = '102' and $iso castable as xs:date)
                              or ($s/@formatCode != '102' and $iso castable as xs:dateTime)) then $iso
        else error(xs:QName('err:VALUE_INVALID'), 'DateTimeString &quot;' || $t || '&quot; is not a date of format ' || $s/@formatCode, $s)"/>
  </xsl:function>

  <!-- an xs:dateTime as DateTimeString: 304 (UTC, Z) when it has a zone, 204 (local) when not -->
  <xsl:function name="wco:date-time" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="namespace" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="t" select="xs:dateTime($value)"/>
    <xsl:element name="{$name}" namespace="{$namespace}">
      <xsl:element name="DateTimeString" namespace="{$namespace}">
        <xsl:choose>
          <xsl:when test="exists(timezone-from-dateTime($t))">
            <xsl:attribute name="formatCode">304</xsl:attribute>
            <xsl:value-of select="format-dateTime(adjust-dateTime-to-timezone($t, xs:dayTimeDuration('PT0S')), '[Y0001][M01][D01][H01][m01][s01]') || 'Z'"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="formatCode">204</xsl:attribute>
            <xsl:value-of select="format-dateTime($t, '[Y0001][M01][D01][H01][m01][s01]')"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:element>
    </xsl:element>
  </xsl:function>

  <!-- an xs:date as DateTimeString 102 -->
  <xsl:function name="wco:date" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="namespace" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:element name="{$name}" namespace="{$namespace}">
      <xsl:element name="DateTimeString" namespace="{$namespace}">
        <xsl:attribute name="formatCode">102</xsl:attribute>
        <xsl:value-of select="format-date(xs:date($value), '[Y0001][M01][D01]')"/>
      </xsl:element>
    </xsl:element>
  </xsl:function>
</xsl:stylesheet>
