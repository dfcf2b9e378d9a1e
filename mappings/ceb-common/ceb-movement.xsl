<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the CEB messages listing parcels by waybill number share (CEB507 arrival, CEB509 departure,
  CEB607 master/sub waybill list): the trade direction flag, a report split over several messages
  (msgCount, msgSeqNo) as a canonical Part, and a list line (gnum, logisticsNo, totalPackageNo,
  note) as a HouseConsignment, both ways; customs' precise times (YYYYMMDDhhmmssSSS) and the typed
  numbers a CEB element needs (CEB701, CEB792). Included after ceb-common.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <!-- ieFlag: I import, E export -->
  <xsl:variable name="cebc:directions" static="yes" as="map(xs:string, xs:string)" select="map{'I': 'IMPORT', 'E': 'EXPORT'}"/>

  <!-- msgSeqNo of msgCount as a canonical Part. The schema allows any int; a part is counted from 1
       and cannot come after the last -->
  <xsl:function name="cebc:part" as="element(c:Part)">
    <xsl:param name="number" as="element()"/>
    <xsl:param name="count" as="element()"/>
    <xsl:if test="xs:integer($count) lt 1">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'msgCount &quot;' || $count || '&quot; must be at least 1 (1 for a report sent in one message)', $count)"/>
    </xsl:if>
    <xsl:if test="xs:integer($number) lt 1 or xs:integer($number) gt xs:integer($count)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'msgSeqNo &quot;' || $number || '&quot; must be from 1 to msgCount (' || normalize-space($count) || ')', $number)"/>
    </xsl:if>
    <c:Part>
      <c:Number><xsl:value-of select="normalize-space($number)"/></c:Number>
      <c:Count><xsl:value-of select="normalize-space($count)"/></c:Count>
    </c:Part>
  </xsl:function>

  <!-- One list line: its waybill number, what matches the parcel to its inventory, must not be empty -->
  <xsl:function name="cebc:house-consignment" as="element(c:HouseConsignment)">
    <xsl:param name="line" as="element()"/>
    <c:HouseConsignment>
      <c:Sequence><xsl:value-of select="normalize-space($line/ceb:gnum)"/></c:Sequence>
      <c:TransportDocument type="HOUSE"><xsl:value-of select="cebc:required($line/ceb:logisticsNo, 'the waybill number matches the parcel to its inventory')"/></c:TransportDocument>
      <xsl:for-each select="$line/ceb:totalPackageNo[string()]"><c:PackageReference><xsl:value-of select="."/></c:PackageReference></xsl:for-each>
      <xsl:for-each select="$line/ceb:invtNo[string()]"><c:Reference type="INVENTORY_NUMBER"><xsl:value-of select="."/></c:Reference></xsl:for-each>
      <xsl:for-each select="$line/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
    </c:HouseConsignment>
  </xsl:function>

  <!-- The Part of a canonical document as msgCount and msgSeqNo: 1 of 1 when it has none -->
  <xsl:template name="cebc:msg-count">
    <xsl:param name="document" as="element()"/>
    <ceb:msgCount><xsl:value-of select="($document/c:Part/c:Count, 1)[1]"/></ceb:msgCount>
  </xsl:template>
  <xsl:template name="cebc:msg-seq-no">
    <xsl:param name="document" as="element()"/>
    <ceb:msgSeqNo><xsl:value-of select="($document/c:Part/c:Number, 1)[1]"/></ceb:msgSeqNo>
  </xsl:template>
  <!-- YYYYMMDDhhmmssSSS (China time) to xs:dateTime -->
  <xsl:function name="cebc:precise-time" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="iso" select="replace($node, '^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$', '$1-$2-$3T$4:$5:$6.$7+08:00')"/>
    <xsl:sequence select="if ($iso castable as xs:dateTime) then $iso
        else error(xs:QName('err:VALUE_INVALID'), local-name($node) || ' &quot;' || $node || '&quot; is not a time of the form YYYYMMDDhhmmssSSS', $node)"/>
  </xsl:function>

  <!-- xs:dateTime to YYYYMMDDhhmmssSSS, in China time when the value has a zone -->
  <xsl:function name="cebc:precise-compact-time" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="dt" select="xs:dateTime($node)"/>
    <xsl:variable name="china" select="if (exists(timezone-from-dateTime($dt)))
                                       then adjust-dateTime-to-timezone($dt, xs:dayTimeDuration('PT8H')) else $dt"/>
    <xsl:sequence select="format-dateTime($china, '[Y0001][M01][D01][H01][m01][s01][f001]')"/>
  </xsl:function>

  <!-- The number of a given type a CEB element needs, from a document's typed CustomsReference -->
  <xsl:function name="cebc:needed-reference" as="xs:string">
    <xsl:param name="document" as="element()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="field" as="xs:string"/>
    <xsl:variable name="ref" select="$document/c:CustomsReference[@type = $type][string()][1]"/>
    <xsl:sequence select="if ($ref) then string($ref)
        else error(xs:QName('err:VALUE_INVALID'), 'a CustomsReference of type ' || $type || ' is needed (' || $field || ')', $document)"/>
  </xsl:function>
</xsl:stylesheet>
