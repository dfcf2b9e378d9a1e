<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical ConsignmentList documents (purpose MASTER_SUB_LIST, direction EXPORT), or a c:Batch of
  them, to one CEB607 (China export master/sub waybill list, 清单总分单) message. The envelope
  (BaseTransfer, BaseSubscribe, ExtendMessage) comes from the first document's Source. A document
  without a Part is a list in one message (1 of 1). A warehouse-entry list (CEB711) or an import
  list is refused, as is one without its gross weight. The adapter signs the message (signed: true)
  and puts the signature before ExtendMessage, then validates the result.
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
    <xsl:variable name="lists" select="c:ConsignmentList | c:Batch/c:ConsignmentList"/>
    <xsl:if test="empty($lists) or exists(c:Batch/*[not(self::c:ConsignmentList)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB607 message carries canonical ConsignmentList documents only', *)"/>
    </xsl:if>
    <xsl:if test="count($lists) gt 100">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB607 message carries at most 100 lists', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$lists[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB607Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$lists">
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
      <!-- ds:Signature: added by the adapter, before ExtendMessage, when it signs the message -->
    </ceb:CEB607Message>
  </xsl:template>

  <xsl:template match="c:ConsignmentList">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="transport" select="c:Transport"/>
    <xsl:variable name="mode" select="$transport/c:Mode[@scheme = 'CN-TRANSPORT-MODE'][1]"/>
    <xsl:if test="c:Purpose != 'MASTER_SUB_LIST'">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB607 lists the parcels declared under their master document (purpose MASTER_SUB_LIST), not ' || c:Purpose, c:Purpose)"/>
    </xsl:if>
    <xsl:sequence select="cebc:export-only(., 'CEB607')"/>
    <ceb:WayBill>
      <ceb:WayBillHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:customsCode><xsl:value-of select="c:DeclarationOffice"/></ceb:customsCode>
        <ceb:copNo><xsl:value-of select="c:LocalReference"/></ceb:copNo>
        <xsl:for-each select="c:CustomsReference[@type = 'PRE_ENTRY_NUMBER'][string()][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
        <ceb:agentCode><xsl:value-of select="cebc:code(cebc:party(., 'DECLARANT'))"/></ceb:agentCode>
        <ceb:agentName><xsl:value-of select="cebc:party(., 'DECLARANT')/c:Name"/></ceb:agentName>
        <xsl:for-each select="c:GoodsLocation"><ceb:loctNo><xsl:value-of select="."/></ceb:loctNo></xsl:for-each>
        <ceb:trafMode><xsl:value-of select="if ($mode) then $mode
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB607 list needs a CN-TRANSPORT-MODE transport mode (trafMode)', ($transport/c:Mode, $transport, .)[1])"/></ceb:trafMode>
        <ceb:trafName><xsl:value-of select="$transport/c:ConveyanceName"/></ceb:trafName>
        <ceb:voyageNo><xsl:value-of select="$transport/c:ConveyanceReference"/></ceb:voyageNo>
        <ceb:billNo><xsl:value-of select="c:MasterDocument"/></ceb:billNo>
        <xsl:for-each select="c:InlandTransport/c:ConveyanceName"><ceb:domesticTrafNo><xsl:value-of select="."/></ceb:domesticTrafNo></xsl:for-each>
        <ceb:grossWeight><xsl:value-of select="if (c:GrossWeight) then c:GrossWeight
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB607 list needs its gross weight (GrossWeight)', .)"/></ceb:grossWeight>
        <ceb:logisticsCode><xsl:value-of select="cebc:code(cebc:party(., 'LOGISTICS_OPERATOR'))"/></ceb:logisticsCode>
        <ceb:logisticsName><xsl:value-of select="cebc:party(., 'LOGISTICS_OPERATOR')/c:Name"/></ceb:logisticsName>
        <xsl:call-template name="cebc:msg-count"><xsl:with-param name="document" select="."/></xsl:call-template>
        <xsl:call-template name="cebc:msg-seq-no"><xsl:with-param name="document" select="."/></xsl:call-template>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:WayBillHead>
      <xsl:for-each select="c:HouseConsignment">
        <ceb:WayBillList>
          <ceb:gnum><xsl:value-of select="c:Sequence"/></ceb:gnum>
          <xsl:for-each select="c:PackageReference"><ceb:totalPackageNo><xsl:value-of select="."/></ceb:totalPackageNo></xsl:for-each>
          <ceb:logisticsNo><xsl:value-of select="c:TransportDocument"/></ceb:logisticsNo>
          <xsl:for-each select="c:Reference[@type = 'INVENTORY_NUMBER'][1]"><ceb:invtNo><xsl:value-of select="."/></ceb:invtNo></xsl:for-each>
          <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
        </ceb:WayBillList>
      </xsl:for-each>
    </ceb:WayBill>
  </xsl:template>
</xsl:stylesheet>
