<?xml version="1.0" encoding="UTF-8"?>
<!--
  Code-list lookups for every stylesheet. The tables are the CSV files beside this module; they are
  read once, when a stylesheet that includes this module is compiled (static variables), not per
  message.

  A code missing from its table raises err:CODE_UNKNOWN with the offending node as the error
  object, so the adapter can report its line, column and element path.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <!-- customs code -> (international code, Chinese name, English name) -->
  <xsl:variable name="cl:currency" static="yes" as="map(xs:string, xs:string+)"
      select="map:merge(for $l in tail(unparsed-text-lines(resolve-uri('currency.csv', static-base-uri())))[normalize-space()]
                        return map:entry(tokenize($l, ',')[1], tail(tokenize($l, ','))))"/>
  <xsl:variable name="cl:country" static="yes" as="map(xs:string, xs:string+)"
      select="map:merge(for $l in tail(unparsed-text-lines(resolve-uri('country.csv', static-base-uri())))[normalize-space()]
                        return map:entry(tokenize($l, ',')[1], tail(tokenize($l, ','))))"/>
  <xsl:variable name="cl:unit" static="yes" as="map(xs:string, xs:string+)"
      select="map:merge(for $l in tail(unparsed-text-lines(resolve-uri('unit.csv', static-base-uri())))[normalize-space()]
                        return map:entry(tokenize($l, ',')[1], tail(tokenize($l, ','))))"/>

  <!-- international code -> customs code; for many-to-one tables the first row wins -->
  <xsl:variable name="cl:currency-back" static="yes" as="map(xs:string, xs:string)"
      select="map:merge(for $l in tail(unparsed-text-lines(resolve-uri('currency.csv', static-base-uri())))[normalize-space()]
                        return map:entry(tokenize($l, ',')[2], tokenize($l, ',')[1]), map{'duplicates': 'use-first'})"/>
  <xsl:variable name="cl:country-back" static="yes" as="map(xs:string, xs:string)"
      select="map:merge(for $l in tail(unparsed-text-lines(resolve-uri('country.csv', static-base-uri())))[normalize-space()]
                        return map:entry(tokenize($l, ',')[2], tokenize($l, ',')[1]), map{'duplicates': 'use-first'})"/>
  <xsl:variable name="cl:unit-back" static="yes" as="map(xs:string, xs:string)"
      select="map:merge(for $l in tail(unparsed-text-lines(resolve-uri('unit.csv', static-base-uri())))[normalize-space()]
                        return map:entry(tokenize($l, ',')[2], tokenize($l, ',')[1]), map{'duplicates': 'use-first'})"/>

  <!-- China customs currency code (142) to ISO 4217 (CNY) -->
  <xsl:function name="cl:iso-currency" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:param name="at" as="node()"/>
    <xsl:sequence select="cl:lookup($cl:currency, $code, 'China customs currency code', 'currency.csv', $at)[1]"/>
  </xsl:function>

  <xsl:function name="cl:customs-currency" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:param name="at" as="node()"/>
    <xsl:sequence select="cl:lookup($cl:currency-back, $iso, 'ISO 4217 currency', 'currency.csv', $at)"/>
  </xsl:function>

  <!-- China customs country code (116) to ISO 3166-1 alpha-2 (JP) -->
  <xsl:function name="cl:iso-country" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:param name="at" as="node()"/>
    <xsl:sequence select="cl:lookup($cl:country, $code, 'China customs country code', 'country.csv', $at)[1]"/>
  </xsl:function>

  <xsl:function name="cl:customs-country" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:param name="at" as="node()"/>
    <xsl:sequence select="cl:lookup($cl:country-back, $iso, 'ISO 3166 country', 'country.csv', $at)"/>
  </xsl:function>

  <!-- China customs unit code (007) to UN/ECE Recommendation 20 (H87) -->
  <xsl:function name="cl:unece-unit" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:param name="at" as="node()"/>
    <xsl:sequence select="cl:lookup($cl:unit, $code, 'China customs unit code', 'unit.csv', $at)[1]"/>
  </xsl:function>

  <!-- Back to a customs unit: the customs code kept beside the UN/ECE code if there is one, else the
       first customs unit with that UN/ECE code -->
  <xsl:function name="cl:customs-unit" as="xs:string">
    <xsl:param name="unece" as="xs:string"/>
    <xsl:param name="kept" as="xs:string?"/>
    <xsl:param name="at" as="node()"/>
    <xsl:sequence select="if ($kept and map:contains($cl:unit, $kept)) then $kept
                          else cl:lookup($cl:unit-back, $unece, 'UN/ECE unit', 'unit.csv', $at)"/>
  </xsl:function>

  <xsl:function name="cl:lookup" as="xs:string+">
    <xsl:param name="table" as="map(xs:string, xs:string*)"/>
    <xsl:param name="code" as="xs:string"/>
    <xsl:param name="what" as="xs:string"/>
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="at" as="node()"/>
    <xsl:sequence select="if (map:contains($table, $code)) then $table($code)
        else error(xs:QName('err:CODE_UNKNOWN'),
                   $what || ' &quot;' || $code || '&quot; is unknown (not in mappings/codelists/' || $file || ')', $at)"/>
  </xsl:function>
</xsl:stylesheet>
