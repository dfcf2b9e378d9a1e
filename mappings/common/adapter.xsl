<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the adapter's engine hands every to-canonical stylesheet. Include it once per stylesheet
  (<xsl:include href="../common/adapter.xsl"/>), directly or through one shared module.

  adapter:record-key(RECORD): the record's business key, as format.yaml defines it (records.key,
  evaluated on each element records.select finds). The record id of a canonical document is
  "<partner>:" and this key, so that receipts, duplicates and the audit trail name a record the same
  way whether it was accepted (the canonical document's id) or refused (format.yaml's key):
      <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
  RECORD must be one of the elements records.select finds. Outside the adapter (a plain xslt-saxon:
  step, say) no keys are handed over, and the record's element path stands in for its key.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    exclude-result-prefixes="#all">

  <!-- the keys of the message's records by their element path; set by the engine -->
  <xsl:param name="adapter:record-keys" as="map(xs:string, xs:string)" select="map{}"/>

  <xsl:function name="adapter:record-key" as="xs:string">
    <xsl:param name="record" as="element()"/>
    <xsl:variable name="path" select="adapter:path($record)"/>
    <xsl:sequence select="if (map:contains($adapter:record-keys, $path)) then $adapter:record-keys($path) else $path"/>
  </xsl:function>

  <!-- /Root/Child[2]/leaf[1]: the element path the adapter reports errors with (local names, the
       root without a position) -->
  <xsl:function name="adapter:path" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="string-join(for $e in $node/ancestor-or-self::* return
        if ($e/parent::*) then local-name($e) || '[' || (count($e/preceding-sibling::*[local-name() = local-name($e)]) + 1) || ']'
        else '/' || local-name($e), '/')"/>
  </xsl:function>
</xsl:stylesheet>
