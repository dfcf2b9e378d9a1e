<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical GoodsMovement documents (movement ARRIVAL), or a c:Batch of them, to one CEB507 (China
  arrival report, 运抵单) message. The envelope (BaseTransfer, BaseSubscribe, ExtendMessage) comes
  from the first document's Source. A document without a Part is a report in one message (1 of 1).
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
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <xsl:template match="/">
    <xsl:variable name="reports" select="c:GoodsMovement | c:Batch/c:GoodsMovement"/>
    <xsl:if test="empty($reports) or exists(c:Batch/*[not(self::c:GoodsMovement)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB507 message carries canonical GoodsMovement documents only', *)"/>
    </xsl:if>
    <xsl:if test="count($reports) gt 100">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB507 message carries at most 100 arrival reports', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$reports[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB507Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$reports">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="cebc:transmission">
        <xsl:with-param name="source" select="$first"/>
        <xsl:with-param name="cop-code" select="$transfer-cop-code"/>
        <xsl:with-param name="cop-name" select="$transfer-cop-name"/>
        <xsl:with-param name="dxp-id" select="$transfer-dxp-id"/>
        <xsl:with-param name="dxp-mode" select="$transfer-dxp-mode"/>
      </xsl:call-template>
    </ceb:CEB507Message>
  </xsl:template>

  <xsl:template match="c:GoodsMovement">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="mode" select="c:Transport/c:Mode[@scheme = 'CN-TRANSPORT-MODE'][1]"/>
    <xsl:if test="c:Movement != 'ARRIVAL'">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB507 reports parcels arriving at a supervised site (movement ARRIVAL), not ' || c:Movement, c:Movement)"/>
    </xsl:if>
    <ceb:Arrival>
      <ceb:ArrivalHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:customsCode><xsl:value-of select="c:DeclarationOffice"/></ceb:customsCode>
        <ceb:copNo><xsl:value-of select="c:LocalReference"/></ceb:copNo>
        <xsl:for-each select="c:CustomsReference[@type = 'PRE_ENTRY_NUMBER'][string()][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
        <ceb:operatorCode><xsl:value-of select="cebc:code(cebc:party(., 'WAREHOUSE_KEEPER'))"/></ceb:operatorCode>
        <ceb:operatorName><xsl:value-of select="cebc:party(., 'WAREHOUSE_KEEPER')/c:Name"/></ceb:operatorName>
        <xsl:for-each select="c:GoodsLocation"><ceb:loctNo><xsl:value-of select="."/></ceb:loctNo></xsl:for-each>
        <ceb:ieFlag><xsl:value-of select="cebc:code-of($cebc:directions, c:TradeDirection)"/></ceb:ieFlag>
        <ceb:trafMode><xsl:value-of select="if ($mode) then $mode
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB507 report needs a CN-TRANSPORT-MODE transport mode (trafMode)', (c:Transport/c:Mode, c:Transport, .)[1])"/></ceb:trafMode>
        <xsl:for-each select="c:MasterDocument"><ceb:billNo><xsl:value-of select="."/></ceb:billNo></xsl:for-each>
        <ceb:domesticTrafNo><xsl:value-of select="c:InlandTransport/c:ConveyanceName"/></ceb:domesticTrafNo>
        <ceb:logisticsCode><xsl:value-of select="cebc:code(cebc:party(., 'LOGISTICS_OPERATOR'))"/></ceb:logisticsCode>
        <ceb:logisticsName><xsl:value-of select="cebc:party(., 'LOGISTICS_OPERATOR')/c:Name"/></ceb:logisticsName>
        <xsl:call-template name="cebc:msg-count"><xsl:with-param name="document" select="."/></xsl:call-template>
        <xsl:call-template name="cebc:msg-seq-no"><xsl:with-param name="document" select="."/></xsl:call-template>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:ArrivalHead>
      <xsl:for-each select="c:HouseConsignment">
        <ceb:ArrivalList>
          <ceb:gnum><xsl:value-of select="c:Sequence"/></ceb:gnum>
          <ceb:logisticsNo><xsl:value-of select="c:TransportDocument"/></ceb:logisticsNo>
          <xsl:for-each select="c:PackageReference"><ceb:totalPackageNo><xsl:value-of select="."/></ceb:totalPackageNo></xsl:for-each>
          <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
        </ceb:ArrivalList>
      </xsl:for-each>
    </ceb:Arrival>
  </xsl:template>
</xsl:stylesheet>
