<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical SummaryResult documents, or a c:Batch of them, to one CEB792 (China customs summary
  result, 汇总结果单) message, as customs writes it: no envelope, no signature. opDate is the
  record's time (Header/IssueDateTime, in China time); every number customs gives is written from
  its CustomsReference (SUMMARY_NUMBER and SUMMARY_SEQUENCE_NUMBER are needed); a document without
  a Part is a result in one message (1 of 1).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../ceb-common/ceb-movement.xsl"/>

  <xsl:param name="message-guid" as="xs:string?"/>

  <xsl:template match="/">
    <xsl:variable name="results" select="c:SummaryResult | c:Batch/c:SummaryResult"/>
    <xsl:if test="empty($results) or exists(c:Batch/*[not(self::c:SummaryResult)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB792 message carries canonical SummaryResult documents only', *)"/>
    </xsl:if>
    <xsl:if test="count($results) gt 100">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB792 message carries at most 100 summary results', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$results[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB792Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$results">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </ceb:CEB792Message>
  </xsl:template>

  <xsl:template match="c:SummaryResult">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="refs" select="c:CustomsReference"/>
    <xsl:sequence select="cebc:export-only(., 'CEB792')"/>
    <ceb:SummaryResult>
      <ceb:SummaryResultHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:customsCode><xsl:value-of select="c:DeclarationOffice"/></ceb:customsCode>
        <ceb:sumNo><xsl:value-of select="cebc:needed-reference(., 'SUMMARY_NUMBER', 'sumNo')"/></ceb:sumNo>
        <ceb:opDate><xsl:value-of select="if (c:Header/c:IssueDateTime) then cebc:precise-compact-time(c:Header/c:IssueDateTime)
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB792 result needs the time customs processed it (Header/IssueDateTime: opDate)', c:Header)"/></ceb:opDate>
        <ceb:declSeqNo><xsl:value-of select="cebc:needed-reference(., 'SUMMARY_SEQUENCE_NUMBER', 'declSeqNo')"/></ceb:declSeqNo>
        <xsl:for-each select="$refs[@type = 'DECLARATION_DRAFT_NUMBER'][1]"><ceb:decTmpNo><xsl:value-of select="."/></ceb:decTmpNo></xsl:for-each>
        <xsl:for-each select="$refs[@type = 'PRE_ENTRY_NUMBER'][1]"><ceb:decPreNo><xsl:value-of select="."/></ceb:decPreNo></xsl:for-each>
        <xsl:for-each select="$refs[@type = 'DECLARATION_NUMBER'][1]"><ceb:entryId><xsl:value-of select="."/></ceb:entryId></xsl:for-each>
        <ceb:decState><xsl:value-of select="c:Status"/></ceb:decState>
        <ceb:agentCode><xsl:value-of select="cebc:code(cebc:party(., 'DECLARANT'))"/></ceb:agentCode>
        <ceb:agentName><xsl:value-of select="cebc:party(., 'DECLARANT')/c:Name"/></ceb:agentName>
        <ceb:ebcCode><xsl:value-of select="cebc:code(cebc:party(., 'SELLER'))"/></ceb:ebcCode>
        <ceb:ebcName><xsl:value-of select="cebc:party(., 'SELLER')/c:Name"/></ceb:ebcName>
        <ceb:declAgentCode><xsl:value-of select="cebc:code(cebc:party(., 'REPRESENTATIVE'))"/></ceb:declAgentCode>
        <ceb:declAgentName><xsl:value-of select="cebc:party(., 'REPRESENTATIVE')/c:Name"/></ceb:declAgentName>
        <ceb:grossWeight><xsl:value-of select="if (c:GrossWeight) then c:GrossWeight
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB792 result needs its gross weight (GrossWeight)', .)"/></ceb:grossWeight>
        <ceb:netWeight><xsl:value-of select="if (c:NetWeight) then c:NetWeight
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB792 result needs its net weight (NetWeight)', .)"/></ceb:netWeight>
        <xsl:call-template name="cebc:msg-count"><xsl:with-param name="document" select="."/></xsl:call-template>
        <xsl:call-template name="cebc:msg-seq-no"><xsl:with-param name="document" select="."/></xsl:call-template>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:SummaryResultHead>
      <xsl:for-each select="c:Line">
        <ceb:SummaryResultList>
          <ceb:invtNo><xsl:value-of select="c:DeclarationReference/c:Reference[@type = 'INVENTORY_NUMBER'][1]"/></ceb:invtNo>
          <ceb:logisticsNo><xsl:value-of select="c:DeclarationReference/c:Reference[@type = 'WAYBILL_NUMBER'][1]"/></ceb:logisticsNo>
          <ceb:gseqno><xsl:value-of select="c:Sequence"/></ceb:gseqno>
          <ceb:gnum><xsl:value-of select="c:PreviousLine"/></ceb:gnum>
          <ceb:gcode><xsl:value-of select="c:Classification[@scheme = 'CN-CUSTOMS10'][1]"/></ceb:gcode>
        </ceb:SummaryResultList>
      </xsl:for-each>
    </ceb:SummaryResult>
  </xsl:template>
</xsl:stylesheet>
