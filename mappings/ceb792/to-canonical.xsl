<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB792 (China customs summary result, 汇总结果单) to one canonical SummaryResult document
  (direction EXPORT) per ceb:SummaryResult. The message comes from customs, without a transmission
  envelope: the partner is "customs" unless given; the record's time is opDate. The input has been
  validated against xsd/ceb/ceb792.xsd; the output is validated against the canonical schema.

  Customs' numbers are CustomsReference: sumNo SUMMARY_NUMBER (the request summarised), declSeqNo
  SUMMARY_SEQUENCE_NUMBER (one per declaration: with msgSeqNo the record key), decTmpNo
  DECLARATION_DRAFT_NUMBER, decPreNo PRE_ENTRY_NUMBER, entryId DECLARATION_NUMBER. decState is the
  Status (scheme CN-DECLARATION-STATE, as customs codes it). The declaring enterprise is the
  DECLARANT, the e-commerce enterprise the SELLER, the declaration's filer the REPRESENTATIVE. Each
  list line is a Line: the declaration's line (gseqno), the inventory (invtNo, logisticsNo), its
  goods line (gnum, PreviousLine) and commodity code (gcode, CN-CUSTOMS10).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../ceb-common/ceb-movement.xsl"/>
  <xsl:include href="../common/adapter.xsl"/>

  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], 'customs')[1]"/>

  <!-- the customs numbers of a result, each typed -->
  <xsl:variable name="numbers" static="yes" as="map(xs:string, xs:string)" select="map{'sumNo': 'SUMMARY_NUMBER',
      'declSeqNo': 'SUMMARY_SEQUENCE_NUMBER', 'decTmpNo': 'DECLARATION_DRAFT_NUMBER', 'decPreNo': 'PRE_ENTRY_NUMBER',
      'entryId': 'DECLARATION_NUMBER'}"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB792Message/ceb:SummaryResult"/>
  </xsl:template>

  <xsl:template match="ceb:SummaryResult">
    <xsl:variable name="h" select="ceb:SummaryResultHead"/>
    <xsl:document>
      <c:SummaryResult>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function>ORIGINAL</c:Function>
          <c:IssueDateTime><xsl:value-of select="cebc:precise-time($h/ceb:opDate)"/></c:IssueDateTime>
          <c:Source>
            <c:Partner><xsl:value-of select="$partner-id"/></c:Partner>
            <c:Format>ceb792</c:Format>
            <c:MessageId><xsl:value-of select="/*/@guid"/></c:MessageId>
            <c:MessageVersion><xsl:value-of select="/*/@version"/></c:MessageVersion>
            <c:RecordGuid><xsl:value-of select="$h/ceb:guid"/></c:RecordGuid>
            <c:RecordIndex><xsl:value-of select="count(preceding-sibling::ceb:SummaryResult) + 1"/></c:RecordIndex>
            <xsl:if test="$channel"><c:Channel><xsl:value-of select="$channel"/></c:Channel></xsl:if>
            <xsl:if test="exists($received-at)"><c:ReceivedAt><xsl:value-of select="$received-at"/></c:ReceivedAt></xsl:if>
          </c:Source>
        </c:Header>
        <c:TradeDirection>EXPORT</c:TradeDirection>
        <xsl:for-each select="$h/(ceb:sumNo, ceb:declSeqNo, ceb:decTmpNo, ceb:decPreNo, ceb:entryId)[string()]">
          <c:CustomsReference type="{$numbers(local-name())}"><xsl:value-of select="."/></c:CustomsReference>
        </xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="$h/ceb:customsCode"/></c:DeclarationOffice>
        <c:Status scheme="CN-DECLARATION-STATE"><xsl:value-of select="cebc:code-value($h/ceb:decState)"/></c:Status>
        <xsl:sequence select="cebc:enterprise('DECLARANT', $h/ceb:agentCode, $h/ceb:agentName)"/>
        <xsl:sequence select="cebc:enterprise('SELLER', $h/ceb:ebcCode, $h/ceb:ebcName)"/>
        <xsl:sequence select="cebc:enterprise('REPRESENTATIVE', $h/ceb:declAgentCode, $h/ceb:declAgentName)"/>
        <c:GrossWeight><xsl:value-of select="normalize-space($h/ceb:grossWeight)"/></c:GrossWeight>
        <c:NetWeight><xsl:value-of select="normalize-space($h/ceb:netWeight)"/></c:NetWeight>
        <xsl:sequence select="cebc:part($h/ceb:msgSeqNo, $h/ceb:msgCount)"/>
        <xsl:for-each select="ceb:SummaryResultList">
          <c:Line>
            <c:Sequence><xsl:value-of select="normalize-space(ceb:gseqno)"/></c:Sequence>
            <c:DeclarationReference>
              <c:Reference type="INVENTORY_NUMBER"><xsl:value-of select="cebc:required(ceb:invtNo, 'the inventory summarised is named by its number')"/></c:Reference>
              <xsl:for-each select="ceb:logisticsNo[string()]"><c:Reference type="WAYBILL_NUMBER"><xsl:value-of select="."/></c:Reference></xsl:for-each>
            </c:DeclarationReference>
            <c:PreviousLine><xsl:value-of select="normalize-space(ceb:gnum)"/></c:PreviousLine>
            <c:Classification scheme="CN-CUSTOMS10">
              <xsl:value-of select="if (matches(ceb:gcode, '^[0-9]{10}$')) then string(ceb:gcode)
                  else error(xs:QName('err:VALUE_INVALID'), 'gcode &quot;' || ceb:gcode || '&quot; must be a commodity code of 10 digits', ceb:gcode)"/>
            </c:Classification>
          </c:Line>
        </xsl:for-each>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:SummaryResult>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
